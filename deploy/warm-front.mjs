// Fills the nginx front's cache with everything a visitor or crawler asks for: every URL of the
// sitemap, and the stylesheet, icons, manifest and social image each page names, the not-found
// pages, sitemap.xml, robots.txt, security.txt and the JSON directories, in both copies the front
// keeps (gzip and plain). deploy/deploy.sh runs the copy beside it against the front's warm-up
// port before the front serves a release:  node deploy/warm-front.mjs http://127.0.0.1:8081
// Exits 1, listing them, if any URL answers other than expected. npm run test:faults runs it.
const base = new URL(process.argv[2] ?? 'http://127.0.0.1:8081');
const started = performance.now();
const failures = [];
const done = new Set();
let requests = 0;

/** The path of a URL of the site, whatever origin the build put in front of it. */
const pathOf = (url) => {
  const { pathname, search } = new URL(url, base);
  return pathname + search;
};

async function get(path, encoding) {
  requests++;
  const response = await fetch(new URL(path, base), {
    headers: { 'accept-encoding': encoding },
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, type: response.headers.get('content-type') ?? '', response };
}

/** Both copies of `path`; returns the plain body of a page for the links in it. */
async function warm(path, expected = 200) {
  if (done.has(path)) return '';
  done.add(path);
  try {
    const [plain, gzip] = await Promise.all([get(path, 'identity'), get(path, 'gzip')]);
    for (const [copy, { status }] of [
      ['plain', plain],
      ['gzip', gzip],
    ]) {
      if (status !== expected) failures.push(`${path} (${copy}): ${status}, expected ${expected}`);
    }
    await gzip.response.arrayBuffer();
    return plain.type.startsWith('text/') || plain.type.includes('xml')
      ? await plain.response.text()
      : (await plain.response.arrayBuffer(), '');
  } catch (error) {
    failures.push(`${path}: ${error.message}`);
    return '';
  }
}

/** Runs `task` over `items`, `width` at a time. */
async function each(items, width, task) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (queue.length > 0) await task(queue.shift());
    }),
  );
}

const attribute = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** What a page loads or announces: stylesheet, icons, manifest, social image. */
function assetsOf(html) {
  const tags = html.match(/<(?:link|meta)\s[^>]*>/g) ?? [];
  return tags
    .flatMap((tag) => {
      const rel = attribute(tag, 'rel') ?? '';
      const property = attribute(tag, 'property') ?? '';
      if (/^(stylesheet|icon|apple-touch-icon|manifest)$/.test(rel))
        return [attribute(tag, 'href')];
      if (property === 'og:image') return [attribute(tag, 'content')];
      return [];
    })
    .filter(Boolean)
    .map((url) => pathOf(url.replaceAll('&amp;', '&')));
}

const sitemap = await warm('/sitemap.xml');
const pages = [
  ...new Set(
    [...sitemap.matchAll(/<loc>([^<]+)<\/loc>|href="([^"]+)"/g)].map((m) => pathOf(m[1] ?? m[2])),
  ),
];
if (pages.length === 0) failures.push('/sitemap.xml lists no pages');
const locales = [...new Set(pages.map((path) => path.split('/')[1]))];
const assets = new Set(['/favicon.ico']);
await each(pages, 8, async (path) => {
  for (const asset of assetsOf(await warm(path))) assets.add(asset);
});
await each(
  [
    ...assets,
    '/robots.txt',
    '/.well-known/security.txt',
    ...locales.map((locale) => `/${locale}/partners.json`),
  ],
  8,
  (path) => warm(path),
);
await each(locales, 8, (locale) => warm(`/${locale}/page-not-found`, 404));

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `warm-front: ${done.size} URLs (${pages.length} pages), ${requests} requests in ${seconds} s`,
);
if (failures.length > 0) {
  console.error(`warm-front: ${failures.length} failed:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
}
