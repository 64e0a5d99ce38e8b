// npm run bench:scale [-- 100 1000]: builds N generated partners × 2 locales and prints the costs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { generateContent } from '../tests/support/generate-content';

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

/** CPU seconds (user + system) of all finished child processes of this process. */
function childrenCpu(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(spawnSync('getconf', ['CLK_TCK']).stdout) || 100;
  return (Number(fields[13]) + Number(fields[14])) / ticks;
}

/** Files of the build output that mention a draft: must be none. */
function findDrafts(distDir: string, slugs: string[]): string[] {
  const root = path.join(distDir, 'server/app');
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => fs.statSync(path.join(root, file)).isFile())
    .filter((file) => {
      if (slugs.some((slug) => file.includes(slug))) return true;
      if (!/\.(html|rsc|meta|body|json|xml|txt)$/.test(file)) return false;
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      return slugs.some((slug) => text.includes(slug));
    });
}

function run(command: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; seconds: number; cpu: number; peak: number; output: string }>(
    (resolve) => {
      const started = performance.now();
      const cpu = childrenCpu();
      const child = spawn(command, args, { env: { ...process.env, ...env } });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      let peak = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
      child.on('close', (code) => {
        clearInterval(sampler);
        const seconds = (performance.now() - started) / 1000;
        resolve({ code: code ?? 1, seconds, cpu: childrenCpu() - cpu, peak, output });
      });
    },
  );
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
    const drafts = [count - 1, count].map((n) => `partner-${String(n).padStart(4, '0')}`);
    generateContent(contentDir, count, { drafts: 2 });
    console.log(`\n${count} partners × 2 locales in ${contentDir}`);
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
    const before = listPages(distDir);
    // The rest of `npm run build`: strip Next's client JavaScript from the prerendered pages.
    const strip = await run('node', ['build/strip-framework-js.mjs'], env);
    if (strip.code !== 0) throw new Error(`strip-framework-js failed:\n${strip.output}`);
    const pages = listPages(distDir);
    const first = pages.find((page) => page.file === 'de.html')!;
    const firstBefore = before.find((page) => page.file === 'de.html')!;
    const largest = pages.reduce((a, b) => (b.gzip > a.gzip ? b : a));
    const load = os.loadavg()[0]!.toFixed(1);
    console.log(
      `  next build     ${build.seconds.toFixed(1)} s wall, ${build.cpu.toFixed(1)} s CPU (load average ${load}), peak memory ${(build.peak / 2 ** 20).toFixed(0)} MB (process tree RSS)`,
    );
    console.log(
      `  strip JS       ${strip.seconds.toFixed(1)} s wall, ${strip.cpu.toFixed(1)} s CPU`,
    );
    // next build runs the content check itself (next.config.ts), so this is all of npm run build.
    const total = build.seconds + strip.seconds;
    console.log(`  npm run build  ${total.toFixed(1)} s wall (next build + strip JS)`);
    const phases = build.output.match(/^.*\bin [\d.]+(ms|s|min)\b.*$/gm);
    for (const phase of phases ?? []) console.log(`                 ${phase.replace(/^✓\s*/, '')}`);
    const leaked = findDrafts(distDir, drafts);
    if (leaked.length) throw new Error(`drafts found in the build: ${leaked.join(', ')}`);
    console.log(`  drafts         ${drafts.join(', ')}: in no built file`);
    console.log(
      `  pages          ${Object.keys(manifest.routes).length} prerendered, ${pages.length} of them list pages`,
    );
    console.log(
      `  /de            ${kb(first.raw)} raw, ${kb(first.gzip)} gzip (before stripping JS: ${kb(firstBefore.raw)} raw, ${kb(firstBefore.gzip)} gzip)`,
    );
    console.log(
      `  largest list   ${largest.file}: ${kb(largest.raw)} raw, ${kb(largest.gzip)} gzip`,
    );
  } finally {
    fs.writeFileSync('tsconfig.json', tsconfig);
    fs.rmSync(temp, { recursive: true, force: true });
    // BENCH_KEEP=1 keeps the build to look at: NEXT_DIST_DIR=.next-bench-N npx next start
    if (!process.env.BENCH_KEEP) fs.rmSync(distDir, { recursive: true, force: true });
  }
}

const counts = process.argv.slice(2).map(Number);
console.log(
  `bench:scale on ${os.cpus().length} CPUs, Node ${process.version} (CPU may be shared: compare runs, not machines)`,
);
for (const count of counts.length ? counts : [1000]) await bench(count);
