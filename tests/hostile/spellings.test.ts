/**
 * One copy per page, whatever the spelling: the front redirects every other spelling of a known
 * page (escaped letters, doubled slashes, a trailing slash) to its one path, and keeps one
 * not-found page per language for unknown URLs, so that a flood of either never adds an entry
 * to the cache, never reaches Next for a spelling, and never pushes the warmed pages out.
 * Prints the figures of the flood.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startNginx, type Front } from '@/tests/support/serve-front';

const ports = inject('ports');
const frontPort = Number(process.env.HOSTILE_SPELLINGS_PORT ?? 8650);
const flood = 2_000;

let front: Front;
let pages: string[];

async function get(url: string) {
  const response = await fetch(`${front.url}${url}`, { redirect: 'manual' });
  const body = await response.text();
  return {
    status: response.status,
    location: response.headers.get('location'),
    cache: response.headers.get('x-cache'),
    body,
  };
}

/** Cached copies on disk in the live slot. */
function cachedCopies(): number {
  const dir = path.join(front.cacheDir, 'a');
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .length;
}

/** Sends `urls` a batch at a time; returns every answer. */
async function send(urls: string[], batch = 50) {
  const answers: Awaited<ReturnType<typeof get>>[] = [];
  for (let i = 0; i < urls.length; i += batch) {
    answers.push(...(await Promise.all(urls.slice(i, i + batch).map(get))));
  }
  return answers;
}

const escape = (char: string, lower: boolean) => {
  const hex = char.charCodeAt(0).toString(16).toUpperCase();
  return `%${lower ? hex.toLowerCase() : hex}`;
};

/** A spelling of a page chosen by `seed`: some letters escaped, slashes doubled, a trailing slash. */
function spelling(page: string, seed: number): string {
  let state = seed * 2654435761;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let out = '';
  for (const char of page) {
    if (char === '/' && random() < 0.3) out += '//';
    else if (/[a-z]/.test(char) && random() < 0.3) out += escape(char, random() < 0.5);
    else out += char;
  }
  return random() < 0.3 ? `${out}/` : out;
}

beforeAll(async () => {
  front = await startNginx({ frontPort, nextPorts: [ports.next] });
  const sitemap = await (await fetch(`http://127.0.0.1:${ports.next}/sitemap.xml`)).text();
  pages = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+([^<]*)<\/loc>/g)].map(([, p]) => p!);
  expect(pages.length).toBeGreaterThan(10);
  for (const page of pages) expect((await get(page)).status, page).toBe(200);
});
afterAll(() => front?.stop());

describe('spellings of a page', () => {
  it.each([
    ['/de/p%61rtner/vku', '/de/partner/vku'],
    ['/de/P%61rtner/vku', '/de/Partner/vku'],
    ['/de//partner/vku', '/de/partner/vku'],
    ['//de/partner/vku', '/de/partner/vku'],
    ['/de/partner/vku/', '/de/partner/vku'],
    ['/de/partner/vku//', '/de/partner/vku'],
    ['/en/partners/%75%63%6c%67/?utm_source=x', '/en/partners/uclg?utm_source=x'],
    ['/%64%65', '/de'],
    ['/%7Eadmin', '/~admin'],
  ])('redirects %s to its one spelling, %s', async (spelled, canonical) => {
    const answer = await get(spelled);
    expect(answer.status).toBe(308);
    expect(answer.location).toBe(canonical);
  });

  it('answers the redirect target from the warmed copy', async () => {
    const answer = await get((await get('/de/p%61rtner/vku')).location!);
    expect(answer).toMatchObject({ status: 200, cache: 'HIT' });
  });

  it.each([
    ['/%09/evil.example/', 400],
    ['/x%0DSet-Cookie:%20a=1/', 400],
    ['/de%0A/', 400],
    ['/%7F/', 400],
  ])('refuses %s, a control character, with %i', async (url, status) => {
    const answer = await get(url);
    expect(answer.status).toBe(status);
    expect(answer.location).toBeNull();
  });

  it.each(['/de/partner/v%C3%BCku/', '/de/x%3F/', '/de/a%7Cb/', '/%20/evil.example/'])(
    'never puts anything but a plain path in Location (%s)',
    async (url) => {
      const { location } = await get(url);
      expect(location ?? '/').toMatch(/^\/(?!\/)[A-Za-z0-9._~/%-]*(?:\?.*)?$/);
    },
  );

  it('leaves paths with other escapes to Next, which does not know them (404)', async () => {
    for (const url of ['/de/partner/v%C3%BCku', '/de/partner/v%20ku', '/de/partner/vku;x']) {
      expect((await get(url)).status, url).toBe(404);
    }
  });
});

describe(`a flood of ${flood} spellings, then of ${flood} unknown URLs`, () => {
  it('adds no copy to the cache, and every warmed page is still a hit', async () => {
    const before = cachedCopies();
    const spellings = Array.from({ length: flood }, (_, i) =>
      spelling(pages[i % pages.length]!, i),
    );
    const distinct = new Set(spellings.filter((url) => !pages.includes(url)));
    const redirected = await send([...distinct]);
    expect(redirected.filter((a) => a.status !== 308)).toEqual([]);
    expect(cachedCopies()).toBe(before);

    const unknown = Array.from({ length: flood }, (_, i) =>
      i % 2 ? `/de/partner/unbekannt-${i}` : `/en/partners/unknown-${i}`,
    );
    const notFound = await send(unknown);
    expect(notFound.filter((a) => a.status !== 404)).toEqual([]);
    expect(notFound[0]!.body).toContain('<html lang="en"');
    expect(notFound[1]!.body).toContain('<html lang="de"');
    // The not-found page of each language, once.
    const after = cachedCopies();
    expect(after - before).toBeLessThanOrEqual(2);

    const warmed = await send(pages);
    const hits = warmed.filter((a) => a.status === 200 && a.cache === 'HIT').length;
    expect(hits).toBe(pages.length);
    console.log(
      `spellings: ${distinct.size} distinct spellings of ${pages.length} pages, all 308; ` +
        `${flood} unknown URLs, all 404; cached copies ${before} before, ${after} after; ` +
        `warmed pages afterwards: ${hits}/${pages.length} hits`,
    );
  }, 120_000);
});
