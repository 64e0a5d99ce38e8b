import { describe, expect, inject, it } from 'vitest';
import { adminCacheControl, adminHeaders } from '@/lib/cms/headers';
import { securityHeaders } from '@/lib/http/security-headers';

const base = inject('baseUrl');
const get = (path: string) => fetch(base + path, { redirect: 'manual' });

async function sitemapPaths() {
  const xml = await (await get('/sitemap.xml')).text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

describe('the web editor in the built site', () => {
  it('is at /admin/, where /admin leads, noindex and revalidated on every use', async () => {
    const redirect = await get('/admin');
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe('/admin/');
    const page = await get('/admin/');
    expect(page.status).toBe(200);
    expect(page.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(page.headers.get('cache-control')).toBe(adminCacheControl);
    expect(page.headers.get('content-security-policy')).toBe(
      adminHeaders['Content-Security-Policy'],
    );
    const html = await page.text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"');
    for (const script of [
      '/admin/decap-cms.js',
      '/admin/js-yaml.min.js',
      '/admin/cms-format.js',
      '/admin/cms-checks.js',
      '/admin/cms-no-media.js',
      '/admin/cms-live.js',
      '/admin/cms-preview.js',
    ]) {
      expect(html).toContain(`<script src="${script}"></script>`);
      const file = await get(script);
      expect(file.status, script).toBe(200);
      expect(file.headers.get('content-type'), script).toMatch(/javascript/);
      expect(file.headers.get('cache-control'), script).toBe(adminCacheControl);
    }
  });

  it('reads its configuration from /admin/config.yml, generated at build time', async () => {
    const response = await get('/admin/config.yml');
    expect(response.headers.get('content-type')).toBe('text/yaml; charset=utf-8');
    const config = JSON.parse(await response.text());
    expect(config.collections.map((c: { name: string }) => c.name)).toEqual(['partners', 'pages']);
    expect(config.backend.base_url).toBe(process.env.SITE_URL ?? 'http://localhost:3000');
  });

  it('is in no sitemap, and no public page links it or loads a script', async () => {
    const paths = await sitemapPaths();
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.some((path) => path.startsWith('/admin'))).toBe(false);
    for (const path of paths) {
      const response = await get(path);
      expect(response.headers.get('content-security-policy'), path).toBe(
        securityHeaders['Content-Security-Policy'],
      );
      expect(response.headers.get('x-robots-tag'), path).toBeNull();
      const html = await response.text();
      expect(html, path).not.toMatch(/href="\/admin|decap-cms\.js/);
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(
        scripts.filter((tag) => !tag.includes('application/ld+json')),
        path,
      ).toEqual([]);
    }
  });
});
