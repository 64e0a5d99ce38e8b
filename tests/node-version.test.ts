/**
 * The front door on a machine whose `node` is too old (Debian's, many CI images'): every npm
 * script the README names stops at once with one line that names the Node.js it needs and the
 * command that gets it, instead of failing somewhere inside (vitest: "Failed to start forks
 * worker"). Runs under the machine's own old Node where it has one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** A `node` on this machine that package.json's engines do not allow (e.g. /usr/bin/node 20). */
function findOldNode(): string | undefined {
  const candidates = ['/usr/bin/node', '/usr/local/bin/node', '/bin/node'];
  return candidates.find((candidate) => {
    if (!fs.existsSync(candidate)) return false;
    const major = Number(execFileSync(candidate, ['-p', 'process.versions.node.split(".")[0]']));
    return major < 22;
  });
}

const oldNode = findOldNode();
const readme = fs.readFileSync('README.md', 'utf8');
const scripts = Object.keys(JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts);
const named = scripts.filter((name) =>
  new RegExp(`npm (?:run ${name.replace(':', '\\:')}|${name})(?![\\w:-])`).test(readme),
);
const message =
  /^This project needs Node\.js 22 \(22\.22\.2 or newer\) or 24 \(24\.15\.0 or newer\), not v\d+\.\d+\.\d+: run "\. scripts\/use-node24\.sh" in this shell first, then the command again\.$/m;

describe('an unsupported Node.js', () => {
  it('is what the README tells a newcomer to start with', () => {
    for (const command of ['npm ci', 'npm test']) {
      expect(readme).toMatch(new RegExp(`^\\. scripts/use-node24\\.sh && ${command}\\b`, 'm'));
    }
  });

  it('guards every npm script', () => {
    expect(named.length).toBeGreaterThan(15);
    const scriptsText = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts;
    for (const name of scripts) {
      expect(scriptsText[name], name).toMatch(/^node scripts\/check-node\.mjs && /);
    }
  });

  it.skipIf(!oldNode)(
    'stops each script the README names at once, with one line',
    () => {
      // npm under the old Node, as a newcomer would run it.
      const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-old-node-'));
      fs.symlinkSync(oldNode!, path.join(bin, 'node'));
      const env = { ...process.env, PATH: `${bin}:/usr/local/bin:/usr/bin:/bin` };
      try {
        for (const name of named) {
          const run = spawnSync(
            'npm',
            name === 'test' || name === 'start' ? [name] : ['run', name],
            {
              env,
              encoding: 'utf8',
              timeout: 30_000,
            },
          );
          expect(run.status, name).not.toBe(0);
          const ours = run.stderr.split('\n').filter((line) => !/^(npm |>|\s*$)/.test(line));
          expect(ours, name).toEqual([expect.stringMatching(message)]);
        }
      } finally {
        fs.rmSync(bin, { recursive: true, force: true });
      }
    },
    300_000,
  );

  it('lets the supported Node through', () => {
    const run = spawnSync(process.execPath, ['scripts/check-node.mjs'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
