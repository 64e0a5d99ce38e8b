// npm run bench:scale [-- 100 1000]: builds N generated partners × 2 locales and prints the costs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { generateContent } from './generate-content';

const pageBytes = Number(spawnSync('getconf', ['PAGESIZE']).stdout) || 4096;

/** Resident memory of a process and all its descendants, from /proc (Linux only). */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * pageBytes);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function run(command: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; seconds: number; peak: number; output: string }>((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
    child.on('close', (code) => {
      clearInterval(sampler);
      resolve({ code: code ?? 1, seconds: (performance.now() - started) / 1000, peak, output });
    });
  });
}

function listPages(distDir: string): { file: string; raw: number; gzip: number }[] {
  const app = path.join(distDir, 'server/app');
  const files = ['de.html', 'en.html'];
  for (const locale of ['de', 'en']) {
    for (const folder of ['page', 'type']) {
      const dir = path.join(app, locale, folder);
      if (!fs.existsSync(dir)) continue;
      for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
        if (file.endsWith('.html')) files.push(path.join(locale, folder, file));
      }
    }
  }
  return files.map((file) => {
    const html = fs.readFileSync(path.join(app, file));
    return { file, raw: html.length, gzip: zlib.gzipSync(html).length };
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function bench(count: number) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-'));
  const contentDir = path.join(temp, 'content');
  const distDir = `.next-bench-${count}`;
  const env = { CONTENT_DIR: contentDir, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' };
  // next build adds the bench's distDir to tsconfig.json; put the file back afterwards.
  const tsconfig = fs.readFileSync('tsconfig.json', 'utf8');
  try {
    generateContent(contentDir, count);
    // Reuse the compile cache of the last normal build, as a CI cache would; say which it was.
    const warm = fs.existsSync('.next/cache');
    if (warm) fs.cpSync('.next/cache', path.join(distDir, 'cache'), { recursive: true });
    console.log(
      `\n${count} partners × 2 locales in ${contentDir}, compile cache ${warm ? 'warm' : 'cold'}`,
    );
    const check = await run('node_modules/.bin/tsx', ['scripts/content-check.ts'], env);
    console.log(
      `  content:check  ${check.seconds.toFixed(2)} s  ${check.output.trim().split('\n').at(-1)}`,
    );
    const build = await run('node_modules/.bin/next', ['build'], env);
    if (build.code !== 0) {
      console.log(build.output);
      throw new Error(`next build failed with exit code ${build.code}`);
    }
    const manifest = JSON.parse(
      fs.readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8'),
    );
    const pages = listPages(distDir);
    const first = pages.find((page) => page.file === 'de.html')!;
    const largest = pages.reduce((a, b) => (b.gzip > a.gzip ? b : a));
    console.log(
      `  next build     ${build.seconds.toFixed(1)} s, peak memory ${(build.peak / 2 ** 20).toFixed(0)} MB (process tree RSS)`,
    );
    console.log(
      `  pages          ${Object.keys(manifest.routes).length} prerendered, ${pages.length} of them list pages`,
    );
    console.log(`  /de            ${kb(first.raw)} raw, ${kb(first.gzip)} gzip`);
    console.log(
      `  largest list   ${largest.file}: ${kb(largest.raw)} raw, ${kb(largest.gzip)} gzip`,
    );
  } finally {
    fs.writeFileSync('tsconfig.json', tsconfig);
    fs.rmSync(temp, { recursive: true, force: true });
    fs.rmSync(distDir, { recursive: true, force: true });
  }
}

const counts = process.argv.slice(2).map(Number);
console.log(
  `bench:scale on ${os.cpus().length} CPUs, Node ${process.version} (CPU may be shared: compare runs, not machines)`,
);
for (const count of counts.length ? counts : [1000]) await bench(count);
