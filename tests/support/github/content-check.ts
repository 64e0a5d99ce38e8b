/**
 * What the workflow (.github/workflows/content.yml) does on GitHub for a pushed commit: a fresh
 * checkout, `npm run content:check` in it, and its `::error file=…,line=…::…` lines turned into
 * annotations of the check run. The checkout borrows this project's node_modules (`npm ci`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Git } from './git';

export type Annotation = {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning';
  title: string;
  message: string;
};

const command = /^::(error|warning) (.*?)::(.*)$/;
const unescape = (text: string) =>
  text.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));

/** An Actions workflow command, as GitHub reads it into an annotation. */
export function parseAnnotation(line: string): Annotation | undefined {
  const match = command.exec(line);
  if (!match) return undefined;
  const properties = Object.fromEntries(
    match[2]!.split(',').map((pair) => {
      const [key, value = ''] = pair.split('=');
      return [key, unescape(value)];
    }),
  );
  const lineNumber = Number(properties.line ?? 1);
  return {
    path: properties.file ?? '',
    start_line: lineNumber,
    end_line: lineNumber,
    annotation_level: match[1] === 'error' ? 'failure' : 'warning',
    title: properties.title ?? '',
    message: unescape(match[3]!),
  };
}

export async function runContentCheck(
  git: Git,
  sha: string,
  projectDir: string,
): Promise<{ passed: boolean; annotations: Annotation[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-check-'));
  try {
    git.checkout(sha, dir);
    fs.symlinkSync(path.join(projectDir, 'node_modules'), path.join(dir, 'node_modules'));
    // A runner's environment: no CONTENT_DIR of ours, GitHub's own variables.
    const env: Record<string, string | undefined> = {
      ...process.env,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
    };
    delete env.CONTENT_DIR;
    const child = spawn('npm', ['run', 'content:check'], {
      cwd: dir,
      env: env as NodeJS.ProcessEnv,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const annotations = output
      .split('\n')
      .map(parseAnnotation)
      .filter((annotation) => annotation !== undefined);
    return { passed: code === 0, annotations };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
