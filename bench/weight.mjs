// @ts-check
// `npm run bench:weight`: builds the site once, then serves it with and without Next's client
// JavaScript and prints, per page, the bytes a first visit downloads (HTML, CSS, JS; raw and gzip).
import { execFileSync, spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { waitForUrl } from '../scripts/lib/wait-for-url.mjs';

const port = Number(process.env.BENCH_PORT ?? 3801);
const base = `http://127.0.0.1:${port}`;
const starts = ['/de', '/en', '/de/diese-seite-gibt-es-nicht', '/en/no-such-page'];

/** @param {string} path */
async function fetchText(path) {
  const response = await fetch(base + path, { redirect: 'manual' });
  return Buffer.from(await response.arrayBuffer());
}

/** @param {string} html @param {RegExp} pattern */
function matches(html, pattern) {
  return [...html.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** Same-origin page links of the start pages, so new page types are measured without edits here. */
async function discoverPages() {
  const pages = new Set(starts);
  for (const start of starts.slice(0, 2)) {
    const html = (await fetchText(start)).toString();
    for (const href of matches(html, /<a [^>]*href="(\/[^"#?]*)"/g)) pages.add(href);
  }
  return [...pages].sort();
}

/** @param {string} path */
async function weigh(path) {
  const html = await fetchText(path);
  const text = html.toString();
  const css = matches(text, /<link [^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
  const js = new Set([
    ...matches(text, /<script [^>]*src="([^"]+)"/g),
    ...matches(text, /<link [^>]*as="script"[^>]*href="([^"]+)"/g),
  ]);
  /** @param {Iterable<string>} urls */
  const sum = async (urls) => {
    let raw = 0;
    let gz = 0;
    for (const url of urls) {
      const body = await fetchText(url);
      raw += body.length;
      gz += gzipSync(body).length;
    }
    return { raw, gz };
  };
  return {
    html: { raw: html.length, gz: gzipSync(html).length },
    css: await sum(css),
    js: await sum(js),
    files: 1 + css.length + js.size,
  };
}

/** @param {Record<string, string>} env */
async function measure(env) {
  const server = spawn('npx', ['next', 'start', '-p', String(port)], {
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, ...env },
  });
  try {
    await waitForUrl(`${base}/de`, { child: server });
    const pages = await discoverPages();
    /** @type {Record<string, Awaited<ReturnType<typeof weigh>>>} */
    const result = {};
    for (const page of pages) result[page] = await weigh(page);
    return result;
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    // Wait until the port is free, so the next measurement cannot reach this server.
    for (let i = 0; i < 100; i += 1) {
      try {
        await fetch(`${base}/de`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      } catch {
        break;
      }
    }
  }
}

const kb = (/** @type {number} */ bytes) => (bytes / 1024).toFixed(1).padStart(6);

execFileSync('npx', ['next', 'build'], { stdio: 'ignore' });
const off = await measure({});
execFileSync('node', ['build/strip-framework-js.mjs'], { stdio: 'inherit' });
const on = await measure({});

console.log(
  '\nKB per first visit, gzip (raw). "with JS" = plain next build; "static" = after strip-framework-js',
);
console.log(
  'page'.padEnd(34) +
    ' | with JS: html    css     js  total files | static: html    css     js  total files',
);
for (const page of Object.keys(on)) {
  const row = [off[page], on[page]].map((w) => {
    if (!w) return ' '.repeat(40);
    const total = w.html.gz + w.css.gz + w.js.gz;
    return `${kb(w.html.gz)} ${kb(w.css.gz)} ${kb(w.js.gz)} ${kb(total)} ${String(w.files).padStart(5)}`;
  });
  console.log(`${page.padEnd(34)} | ${row[0]}       | ${row[1]}`);
}
const rawTotals = (/** @type {typeof on} */ m) =>
  Object.values(m).map((w) => kb(w.html.raw + w.css.raw + w.js.raw).trim());
console.log(`\nraw totals with JS (KB): ${rawTotals(off).join(', ')}`);
console.log(`raw totals static  (KB): ${rawTotals(on).join(', ')}`);
