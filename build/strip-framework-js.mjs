// @ts-check
// Post-build step: removes Next.js's client JavaScript from the prerendered HTML, so that every
// page is plain HTML + CSS. Set KEEP_FRAMEWORK_JS=1 (or drop this step from `npm run build`)
// once a page needs client components. See README, "Pages without JavaScript".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parse } from 'parse5';

const frameworkFile = /^\/_next\/static\/.+\.js$/;

/** @typedef {import('parse5').DefaultTreeAdapterTypes.Element} Element */
/** @typedef {import('parse5').DefaultTreeAdapterTypes.ParentNode} ParentNode */

/** @param {Element} node @param {string} name */
const attribute = (node, name) => node.attrs.find((attr) => attr.name === name)?.value;

/** @param {Element} node */
function isRemovable(node) {
  if (node.tagName === 'script') return attribute(node, 'type') !== 'application/ld+json';
  if (node.tagName !== 'link') return false;
  const rel = (attribute(node, 'rel') ?? '').split(/\s+/);
  const preload = rel.includes('preload') || rel.includes('modulepreload');
  return (
    preload &&
    (attribute(node, 'as') === 'script' || frameworkFile.test(attribute(node, 'href') ?? ''))
  );
}

/** @param {Element} node */
function isBootstrap(node) {
  const text = node.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
  return frameworkFile.test(attribute(node, 'src') ?? '') || text.includes('self.__next_f');
}

/**
 * Returns `html` without Next's scripts and script preloads; JSON-LD stays. Throws when the page
 * does not look like Next's output any more, so an upgrade that changes it fails the build.
 * parse5 finds the elements as a browser would; they are cut out of the original text, so
 * everything else stays byte for byte, and no serializer runs (1.4 instead of 2.3 ms a page).
 * @param {string} html
 * @param {string} [name]
 */
export function stripFrameworkJs(html, name = 'page') {
  /** @type {[number, number][]} */
  const cuts = [];
  let bootstrap = 0;
  /** @param {ParentNode} parent */
  const walk = (parent) => {
    for (const node of parent.childNodes) {
      if (!('tagName' in node)) continue;
      if (!isRemovable(node)) {
        walk(node.tagName === 'template' ? /** @type {any} */ (node).content : node);
        continue;
      }
      const location = node.sourceCodeLocation;
      if (!location) throw new Error(`${name}: parse5 gave no source location`);
      if (node.tagName === 'script' && isBootstrap(node)) bootstrap += 1;
      cuts.push([location.startOffset, location.endOffset]);
    }
  };
  walk(parse(html, { sourceCodeLocationInfo: true }));
  if (bootstrap === 0) {
    throw new Error(
      `${name}: found no Next.js bootstrap script (/_next/static/…js or self.__next_f). ` +
        'The framework output changed: review build/strip-framework-js.mjs.',
    );
  }
  let output = '';
  let position = 0;
  for (const [start, end] of cuts) {
    output += html.slice(position, start);
    position = end;
  }
  output += html.slice(position);
  const leftover = /<script(?![^>]*application\/ld\+json)|\/_next\/static\/[^"' )]+\.js/.exec(
    output,
  );
  if (leftover) throw new Error(`${name}: still references framework JavaScript: ${leftover[0]}`);
  return output;
}

/**
 * The .html files below `dir`. Each page's `.segments` folder (its prefetch payloads) is skipped:
 * at 1,000 partners they hold 30,000 of the 33,000 entries, and a walk through them took 0.27 s.
 * @param {string} dir @returns {string[]}
 */
function htmlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.endsWith('.segments') ? [] : htmlFiles(file);
    return entry.name.endsWith('.html') ? [file] : [];
  });
}

/**
 * Strips each file in place. @param {string[]} files
 * @returns {{ before: number, after: number }}
 */
function stripFiles(files) {
  let before = 0;
  let after = 0;
  for (const file of files) {
    const html = fs.readFileSync(file, 'utf8');
    const stripped = stripFrameworkJs(html, path.relative(process.cwd(), file));
    fs.writeFileSync(file, stripped);
    before += Buffer.byteLength(html);
    after += Buffer.byteLength(stripped);
  }
  return { before, after };
}

/**
 * One worker thread per core once there are enough pages to pay for it (2,176 pages: 3 s of
 * parsing on one core, about half on two). @param {string[]} files
 */
async function stripInParallel(files) {
  const threads = Math.min(os.availableParallelism(), Math.ceil(files.length / 250));
  if (threads <= 1) return stripFiles(files);
  const chunks = Array.from({ length: threads }, (_, i) =>
    files.filter((_, j) => j % threads === i),
  );
  const results = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), {
            workerData: { stripFiles: chunk },
          });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) =>
            reject(new Error(`strip-framework-js: a worker exited (${code}) before reporting`)),
          );
        }),
    ),
  );
  return results.reduce((sum, { before, after }) => ({
    before: sum.before + before,
    after: sum.after + after,
  }));
}

async function main() {
  if (process.env.KEEP_FRAMEWORK_JS === '1') {
    console.log('strip-framework-js: KEEP_FRAMEWORK_JS=1, pages keep Next.js client JavaScript');
    return;
  }
  // All prerendered HTML wherever Next keeps it (server/app and, since 16.4, server/route-cache).
  const serverDir = path.join(process.env.NEXT_DIST_DIR ?? '.next', 'server');
  const files = fs.existsSync(serverDir) ? htmlFiles(serverDir) : [];
  if (files.length === 0) {
    throw new Error(
      `strip-framework-js: no prerendered HTML in ${serverDir}; run next build first`,
    );
  }
  const { before, after } = await stripInParallel(files);
  console.log(
    `strip-framework-js: ${files.length} pages without client JavaScript ` +
      `(${before} → ${after} bytes of HTML)`,
  );
}

// Test runners import this module in worker threads of their own: only ours carry stripFiles.
if (!isMainThread && workerData?.stripFiles)
  parentPort?.postMessage(stripFiles(workerData.stripFiles));
else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
