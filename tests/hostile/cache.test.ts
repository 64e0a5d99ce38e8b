/**
 * The front stores and serves pages only: no request header can make Next answer a page's URL
 * with something else, and no answer but the page is ever stored under the page's key, neither
 * on a miss nor when a stale copy is refreshed in the background with the triggering request's
 * headers. Fronts of their own here, whose copies go stale after a second.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startNginx, type Front } from '@/tests/support/serve-front';

const ports = inject('ports');
const basePort = Number(process.env.HOSTILE_CACHE_PORT ?? 8620);
// nginx counts whole seconds: a copy valid for 1 s is stale once the clock has turned twice.
const validity = '1s';
const staleAfter = 2_100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function get(front: Front, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${front.url}${path}`, { redirect: 'manual', headers });
  return {
    status: response.status,
    cache: response.headers.get('x-cache'),
    body: await response.text(),
  };
}

/** Plain requests until the background refresh has stored a copy (X-Cache: HIT), or 5 s. */
async function afterRefresh(front: Front, path: string) {
  for (let i = 0; ; i++) {
    const answer = await get(front, path);
    if (answer.cache === 'HIT' || i === 50) return answer;
    await sleep(100);
  }
}

// Headers Next reads internally (node_modules/next/dist: request-meta, base-server, the app
// router's headers), and ones that select another answer elsewhere (draft mode, bots).
const internalHeaders: [string, string][] = [
  ['x-middleware-prefetch', '1'],
  ['x-nextjs-data', '1'],
  ['x-now-route-matches', 'slug=vku'],
  ['x-matched-path', '/[locale]/page-not-found'],
  ['x-invoke-path', '/de/page-not-found'],
  ['x-invoke-query', '%7B%7D'],
  ['x-invoke-status', '500'],
  ['next-action', 'abc123'],
  ['rsc', '1'],
  ['next-router-state-tree', '%5B%5D'],
  ['next-router-prefetch', '1'],
  ['next-router-segment-prefetch', '/_tree'],
  ['next-url', '/de'],
  ['next-hmr-refresh', '1'],
  ['next-resume', '1'],
  ['x-middleware-subrequest', 'proxy:proxy:proxy:proxy:proxy'],
  ['x-middleware-invoke', '1'],
  ['x-middleware-next', '1'],
  ['x-middleware-rewrite', '/de/page-not-found'],
  ['x-middleware-override-headers', 'x-a'],
  ['x-prerender-revalidate', 'x'],
  ['x-prerender-revalidate-if-generated', '1'],
  ['x-next-revalidated-tags', 'x'],
  ['x-next-revalidate-tag-token', 'x'],
  ['x-nextjs-rewritten-path', '/de/page-not-found'],
  ['x-forwarded-host', 'evil.example'],
  ['x-forwarded-proto', 'gopher'],
  ['forwarded', 'host=evil.example'],
  ['purpose', 'prefetch'],
  ['accept', 'text/x-component'],
  ['cookie', '__prerender_bypass=1; __next_preview_data=1; NEXT_LOCALE=en'],
  ['user-agent', 'Googlebot/2.1 (+http://www.google.com/bot.html)'],
  ['if-none-match', '"x"'],
];

const pages = [
  '/de',
  '/en',
  '/de/partner/vku',
  '/en/partners/vku',
  '/de/partner/use',
  '/en/partners/use',
  '/de/partner/uclg',
  '/en/partners/uclg',
  '/de/partner/difu',
  '/en/partners/difu',
  '/de/barrierefreiheit',
  '/en/accessibility',
];

describe('the front in front of Next, with copies that go stale', () => {
  let front: Front;
  const originals = new Map<string, string>();
  beforeAll(async () => {
    front = await startNginx({
      frontPort: basePort,
      nextPorts: [ports.next],
      pageValidity: validity,
    });
    for (const path of pages) {
      originals.set(path, await (await fetch(`http://127.0.0.1:${ports.next}${path}`)).text());
      expect(originals.get(path), path).toMatch(/^<!DOCTYPE html><html lang="(de|en)"/);
    }
  });
  afterAll(() => front?.stop());

  it('x-middleware-prefetch makes Next answer {}, but never through the front', async () => {
    const path = '/en/partners/uclg';
    const direct = await fetch(`http://127.0.0.1:${ports.next}${path}?x=1`, {
      headers: { 'x-middleware-prefetch': '1' },
    });
    expect(await direct.text()).toBe('{}');
    // On a miss: the answer to the request itself, and every plain request after it.
    const first = await get(front, `${path}?x=1`, { 'x-middleware-prefetch': '1' });
    expect(first.cache).toBe('MISS');
    expect(first.body).toBe(originals.get(path));
    expect(await get(front, path)).toEqual({
      status: 200,
      cache: 'HIT',
      body: originals.get(path),
    });
    // On the refresh of a stale copy, which runs with the triggering request's headers.
    await sleep(staleAfter);
    const stale = await get(front, path, { 'x-middleware-prefetch': '1' });
    expect(stale.cache).toBe('STALE');
    expect(stale.body).toBe(originals.get(path));
    expect(await afterRefresh(front, path)).toEqual({
      status: 200,
      cache: 'HIT',
      body: originals.get(path),
    });
  });

  it('refreshes stale copies to the full page whatever Next-internal header triggers it', async () => {
    for (let round = 0; round * pages.length < internalHeaders.length; round++) {
      const batch = internalHeaders
        .slice(round * pages.length, (round + 1) * pages.length)
        .map((header, i) => ({ header, path: pages[i]! }));
      for (const { path } of batch) await get(front, path);
      await sleep(staleAfter);
      const refreshed = await Promise.all(
        batch.map(({ header: [name, value], path }) => get(front, path, { [name]: value })),
      );
      for (const [i, { header, path }] of batch.entries()) {
        expect(refreshed[i]!.cache, `${header[0]} ${path}`).toBe('STALE');
        expect(refreshed[i]!.body, `${header[0]} ${path}`).toBe(originals.get(path));
      }
      for (const { header, path } of batch) {
        expect(await afterRefresh(front, path), `${header[0]} ${path}`).toEqual({
          status: 200,
          cache: 'HIT',
          body: originals.get(path),
        });
      }
    }
  });
});

const pageFor = (path: string) => `<!DOCTYPE html><html lang="de"><title>${path}</title></html>`;

type Mode = 'page' | 'private' | 'no-store' | 'skip' | 'json' | 'untyped';

/**
 * Stands in for a Next that misbehaves: each path answers as its mode says, and every request's
 * headers are kept, to show what the front lets through.
 */
function misbehavingNext() {
  const modes = new Map<string, Mode>();
  const received: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((request, response) => {
    received.push(request.headers);
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const mode = modes.get(path) ?? 'page';
    const page = pageFor(path);
    const answers: Record<Mode, [http.OutgoingHttpHeaders, string]> = {
      page: [{ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public' }, page],
      private: [{ 'content-type': 'text/html', 'cache-control': 'private, max-age=60' }, '<p>you'],
      'no-store': [{ 'content-type': 'text/html', 'cache-control': 'no-store' }, '<p>error'],
      skip: [{ 'content-type': 'text/html', 'x-middleware-skip': '1' }, '{}'],
      json: [{ 'content-type': 'application/json', 'cache-control': 'public' }, '{}'],
      untyped: [{ 'cache-control': 'public' }, '{}'],
    };
    const [headers, body] = answers[mode];
    response.writeHead(200, headers).end(body);
  });
  return { server, modes, received };
}

describe('the front in front of a Next that answers a page with something else', () => {
  const next = misbehavingNext();
  let front: Front;
  beforeAll(async () => {
    await new Promise<void>((resolve) => next.server.listen(0, '127.0.0.1', resolve));
    const { port } = next.server.address() as AddressInfo;
    next.modes.set('/de', 'page'); // startNginx waits for /de
    front = await startNginx({
      frontPort: basePort + 10,
      nextPorts: [port],
      pageValidity: validity,
    });
  });
  afterAll(async () => {
    await front?.stop();
    next.server.close();
  });

  const bad: Mode[] = ['private', 'no-store', 'skip', 'json', 'untyped'];

  it.each(bad)('does not store a %s answer on a miss', async (mode) => {
    const path = `/de/partner/miss-${mode}`;
    next.modes.set(path, mode);
    expect((await get(front, path)).cache).toBe('MISS');
    next.modes.set(path, 'page');
    expect(await get(front, path)).toEqual({ status: 200, cache: 'MISS', body: pageFor(path) });
    expect((await get(front, path)).cache).toBe('HIT');
  });

  it('does not replace a stale page with any of them', async () => {
    const paths = bad.map((mode) => [`/de/partner/stale-${mode}`, mode] as const);
    for (const [path] of paths) expect((await get(front, path)).cache).toBe('MISS');
    await sleep(staleAfter);
    for (const [path, mode] of paths) next.modes.set(path, mode);
    for (const [path] of paths) expect(await get(front, path)).toMatchObject({ cache: 'STALE' });
    await sleep(500);
    // The refresh got the bad answer and kept the page: every answer is still the page.
    for (const [path] of paths) {
      for (let i = 0; i < 3; i++) {
        const answer = await get(front, path);
        expect(answer.body, path).toBe(pageFor(path));
        expect(['STALE', 'UPDATING'], path).toContain(answer.cache);
      }
    }
  });

  it('stores the social images (PNG at a path without a dot) and files by their own type', async () => {
    for (const path of ['/de/opengraph-image', '/de/partners.json']) {
      next.modes.set(path, 'json');
      await get(front, path);
      expect((await get(front, path)).cache, path).toBe('HIT');
    }
  });

  it('sends Next only the headers it needs', async () => {
    next.received.length = 0;
    const sent = Object.fromEntries(internalHeaders);
    await get(front, '/de/partner/headers', { ...sent, 'accept-encoding': 'gzip' });
    expect(next.received).toHaveLength(1);
    expect(next.received[0]).toEqual({ host: 'localhost', 'accept-encoding': 'gzip' });
  });
});
