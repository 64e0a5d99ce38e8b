import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { adminCacheControl, adminHeaders } from '@/lib/cms/headers';
import { notFoundCacheControl, pageCacheControl } from '@/lib/http/security-headers';
import fs from 'node:fs';
import path from 'node:path';
import { loginPolicy, stateCookie } from '@/lib/cms/oauth';
import { httpGet, rawRequest, type RawResponse } from './raw-http';

const ports = inject('ports');
const front = inject('front');
// The origin the build was made for: the editor answers only there (other hosts are redirected).
const site = new URL(process.env.SITE_URL ?? 'http://localhost:3000');
const onSite = (path: string, headers: Record<string, string> = {}) =>
  httpGet(ports.front, path, { host: site.host, ...headers });

async function get(target: 'next' | 'front', path: string, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${ports[target]}${path}`, { redirect: 'manual', headers });
}

/** GET over a raw socket, with exactly this Accept-Encoding (or none), and the body as sent. */
function getRaw(target: 'next' | 'front', path: string, acceptEncoding?: string) {
  const encoding = acceptEncoding === undefined ? '' : `Accept-Encoding: ${acceptEncoding}\r\n`;
  return rawRequest(
    ports[target],
    `GET ${path} HTTP/1.1\r\nHost: localhost\r\n${encoding}Connection: close\r\n\r\n`,
  );
}

const header = (response: RawResponse, name: string) =>
  response.headers.find(([key]) => key === name)?.[1];

async function staticAsset() {
  const html = await (await get('next', '/de')).text();
  const asset = /\/_next\/static\/[^"]+\.css/.exec(html)?.[0];
  expect(asset).toBeDefined();
  return asset!;
}

describe.each(['next', 'front'] as const)('caching headers from %s', (target) => {
  it('lets a CDN keep pages briefly and assets for a year, 404s a minute', async () => {
    expect((await get(target, '/de/partner/vku')).headers.get('cache-control')).toBe(
      pageCacheControl,
    );
    expect((await get(target, '/en')).headers.get('cache-control')).toBe(pageCacheControl);
    expect((await get(target, '/de/partner/nope')).headers.get('cache-control')).toBe(
      notFoundCacheControl,
    );
    expect((await get(target, await staticAsset())).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
  });
});

describe('the nginx front', () => {
  it('answers pages from its cache', async () => {
    await get('front', '/en/partners/uclg');
    expect((await get('front', '/en/partners/uclg')).headers.get('x-cache')).toBe('HIT');
  });

  it('does not cache the redirect from /, which depends on Accept-Language', async () => {
    expect((await get('front', '/', { 'accept-language': 'en' })).headers.get('location')).toBe(
      '/en',
    );
    const de = await get('front', '/', { 'accept-language': 'de' });
    expect(de.headers.get('location')).toBe('/de');
    // …and says so to any cache further out.
    expect(de.headers.get('vary')).toBe('Accept-Language');
    expect(de.headers.get('cache-control')).toBe('no-store');
  });

  it('gives router requests the same HTML, so a CDN cannot be fed a payload for a URL', async () => {
    // Next itself answers these with a redirect to ?_rsc, or with the RSC payload, under the
    // page's URL, and proxy.ts cannot see these headers (Next hides them from it).
    const next = await get('next', '/en/partners/vku', { rsc: '1' });
    expect(next.status).toBe(307);
    expect(next.headers.get('location')).toBe('/en/partners/vku?_rsc');
    const router = { rsc: '1', 'next-router-prefetch': '1', 'next-router-state-tree': '%5B%5D' };
    const first = await get('front', '/en/partners/vku', router);
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await (await get('front', '/en/partners/vku')).text();
    expect(await first.text()).toBe(page);
    expect(first.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('compresses pages and assets for clients that accept gzip', async () => {
    for (const path of ['/de', await staticAsset()]) {
      const response = await get('front', path, { 'accept-encoding': 'gzip' });
      expect(response.headers.get('content-encoding'), path).toBe('gzip');
    }
  });

  it('sends gzip clients the copy Next compressed once, from its cache', async () => {
    for (const path of ['/de/partner/vku', await staticAsset()]) {
      const next = await getRaw('next', path, 'gzip');
      await getRaw('front', path, 'gzip, deflate, br');
      const hit = await getRaw('front', path, 'gzip, deflate, br');
      expect(header(hit, 'x-cache'), path).toBe('HIT');
      expect(header(hit, 'content-encoding'), path).toBe('gzip');
      expect(header(hit, 'vary'), path).toBe('Accept-Encoding');
      // Next's bytes as they are: nginx did not compress the page again.
      expect(hit.bytes.equals(next.bytes), path).toBe(true);
      const plain = await getRaw('front', path);
      expect(gunzipSync(hit.bytes).toString('utf8'), path).toBe(plain.body);
    }
  });

  it('keeps an uncompressed copy for clients without gzip', async () => {
    const page = (await getRaw('next', '/en/partners/difu')).body;
    for (const encoding of [undefined, 'identity', 'br', 'gzip;q=0', 'deflate, gzip; q=0.0']) {
      await getRaw('front', '/en/partners/difu', encoding);
      const hit = await getRaw('front', '/en/partners/difu', encoding);
      expect(header(hit, 'x-cache'), encoding).toBe('HIT');
      expect(header(hit, 'content-encoding'), encoding).toBeUndefined();
      expect(header(hit, 'vary'), encoding).toBe('Accept-Encoding');
      expect(hit.body, encoding).toBe(page);
    }
  });

  it('recognises gzip however a client spells it', async () => {
    for (const encoding of ['GZIP', 'deflate, gzip;q=0.5', 'gzip ; q=1.0', 'br,gzip']) {
      const response = await getRaw('front', '/en', encoding);
      expect(header(response, 'content-encoding'), encoding).toBe('gzip');
    }
  });
});

describe('the health check', () => {
  it.each(['next', 'front'] as const)(
    'answers 200 from %s, uncached, unindexed, with nothing about the server',
    async (target) => {
      for (let i = 0; i < 2; i++) {
        const response = await get(target, '/healthz');
        expect(response.status).toBe(200);
        expect(await response.text()).toBe('ok\n');
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(response.headers.get('x-robots-tag')).toBe('noindex');
        expect(response.headers.get('x-cache')).toBeNull();
        expect(response.headers.get('x-powered-by')).toBeNull();
      }
    },
  );
});

describe('the front and query strings', () => {
  it('serves a page with any query string from the same cached copy', async () => {
    await get('front', '/en/partners/difu');
    const tagged = await get('front', '/en/partners/difu?utm_source=newsletter&fbclid=x');
    expect(tagged.status).toBe(200);
    expect(tagged.headers.get('x-cache')).toBe('HIT');
    expect(await tagged.text()).toContain('<html lang="en"');
  });
});

describe('the web editor through the front', () => {
  it('keeps its own headers, is never cached, and shows the login’s own error page', async () => {
    for (let i = 0; i < 2; i++) {
      const page = await onSite('/admin/');
      expect(page.status).toBe(200);
      expect(page.headers['content-security-policy']).toBe(adminHeaders['Content-Security-Policy']);
      expect(page.headers['x-robots-tag']).toBe('noindex, nofollow');
      expect(page.headers['cache-control']).toBe(adminCacheControl);
      expect(page.headers['x-cache']).toBeUndefined();
      expect(page.body).toContain('<meta name="robots" content="noindex, nofollow"');
    }
    const failed = await onSite('/admin/auth/callback?code=x&state=y');
    expect(failed.status).toBe(400);
    expect(failed.body).toContain('Anmeldung fehlgeschlagen');
    // The login's pages run their own script and nothing else: not the editor's policy.
    expect(failed.headers['content-security-policy']).toBe(loginPolicy(site.origin));
  });

  it('lets the login’s state cookie through to the callback; another state leaves it be', async () => {
    const start = await onSite('/admin/auth?provider=github&scope=repo');
    expect(start.status).toBe(302);
    expect(start.headers['content-security-policy']).toBe(loginPolicy());
    const cookie = String(start.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toMatch(new RegExp(`^${stateCookie}=[\\w-]{43}$`));
    const state = new URL(start.headers.location!).searchParams.get('state')!;
    const callback = `/admin/auth/callback?code=x&state=${state}`;
    // A link elsewhere to the callback with another state: refused, the cookie left alone.
    const foreign = await onSite('/admin/auth/callback?code=x&state=other', { cookie });
    expect(foreign.status).toBe(400);
    expect(foreign.headers['set-cookie']).toBeUndefined();
    // With the cookie the state matches, and GitHub (a closed port here) is asked: 502.
    const other = `a=1; ${cookie}; cc_cms_oauth_state=${state}`;
    expect((await onSite(callback, { cookie: other })).status).toBe(502);
    expect((await onSite(callback)).status).toBe(400);
  });

  it.each(['/admin/', '/admin', '/admin/auth?provider=github', '/admin/config.yml'])(
    'sends %s on any other host to the same path on SITE_URL',
    async (path) => {
      for (const headers of [
        { host: 'partners.other.example' } as Record<string, string>,
        { host: `127.0.0.1:${ports.front}`, 'x-cc-host': site.hostname },
      ]) {
        const moved = await httpGet(ports.front, path, headers);
        expect(moved.status, headers.host).toBe(308);
        expect(moved.headers.location, headers.host).toBe(new URL(path, site.origin).href);
        expect(moved.headers['content-security-policy']).toMatch(/^default-src 'none'; /);
        expect(moved.headers['x-robots-tag']).toBe('noindex, nofollow');
      }
      // On the site's own host: the editor itself, not a redirect to it.
      expect((await onSite(path)).headers.location ?? '').not.toContain(site.origin);
    },
  );
});

describe('a request with a body', () => {
  it('is refused at once with 413 and the security headers, and nothing is written', async () => {
    const bodies = path.join(path.dirname(front.logDir), 'body');
    for (const target of ['/de', '/admin/auth']) {
      const response = await rawRequest(
        ports.front,
        `GET ${target} HTTP/1.1\r\nHost: ${site.host}\r\nContent-Length: 10000000000\r\nConnection: close\r\n\r\n${'x'.repeat(65536)}`,
      );
      expect(response.status, target).toBe(413);
      expect(header(response, 'content-security-policy'), target).toBeDefined();
      expect(header(response, 'strict-transport-security'), target).toBeDefined();
    }
    expect(fs.existsSync(bodies) ? fs.readdirSync(bodies, { recursive: true }) : []).toEqual([]);
  });
});
