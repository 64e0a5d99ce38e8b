import { describe, expect, inject, it } from 'vitest';
import { contentDir, loadContent } from '@/lib/content/load';
import { routing } from '@/lib/i18n/routing';
import de from '@/messages/de.json';
import en from '@/messages/en.json';

const messages = { de, en };

const base = inject('baseUrl');
const content = loadContent(contentDir(), { includeDrafts: false });

function partnerPath(locale: (typeof routing.locales)[number], slug: string) {
  return `/${locale}${routing.pathnames['/partners/[slug]'][locale].replace('[slug]', slug)}`;
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, { redirect: 'manual', headers });
  return {
    status: response.status,
    location: response.headers.get('location'),
    html: await response.text(),
  };
}

describe.each(routing.locales)('the built site in %s', (locale) => {
  it('serves the list page with the header and every partner', async () => {
    const { status, html } = await get(`/${locale}`);
    expect(status).toBe(200);
    expect(html).toContain(`<html lang="${locale}"`);
    expect(html).toContain(content.headers[locale].attribution);
    for (const partner of content.partners[locale]) {
      expect(html).toContain(partnerPath(locale, partner.slug));
    }
  });

  it.each(content.partners[locale].map((p) => p.slug))('serves the page of %s', async (slug) => {
    const partner = content.partners[locale].find((p) => p.slug === slug)!;
    const { status, html } = await get(partnerPath(locale, slug));
    expect(status).toBe(200);
    expect(html).toContain(`<html lang="${locale}"`);
    expect(html).toContain(partner.html);
  });

  it.each([
    ['no-such-partner', 404],
    ['vku%00', 400],
    ['%zz', 400],
  ])(
    'answers the unknown or malformed slug %s with the 404 page (status %i)',
    async (slug, expected) => {
      const { status, html } = await get(partnerPath(locale, slug));
      expect(status).toBe(expected);
      expect(html).toContain(`<html lang="${locale}"`);
      expect(html).toContain(messages[locale].NotFound.title);
    },
  );

  it('answers unknown paths with the localized 404 page', async () => {
    for (const path of [`/${locale}/no/such/page`, `/${locale}/page-not-found`]) {
      const { status, html } = await get(path);
      expect(status, path).toBe(404);
      expect(html, path).toContain(messages[locale].NotFound.title);
      expect(html, path).toMatch(/<meta name="robots" content="noindex"\/?>/);
    }
  });
});

describe('paths outside the locales', () => {
  it('redirects / by Accept-Language, else to German', async () => {
    expect((await get('/', { 'accept-language': 'en-GB,en;q=0.9' })).location).toMatch(/\/en$/);
    expect((await get('/', { 'accept-language': 'de-AT' })).location).toMatch(/\/de$/);
    expect((await get('/', { 'accept-language': 'fr' })).location).toMatch(/\/de$/);
  });

  it('answers unknown dotted paths with 404, not 500', async () => {
    for (const path of ['/unknown.txt', '/wp-login.php', '/de.json']) {
      const { status, html } = await get(path);
      expect(status, path).toBe(404);
      expect(html, path).toContain(de.NotFound.title);
    }
  });
});

describe.skipIf(process.env.KEEP_FRAMEWORK_JS === '1')('pages without framework JavaScript', () => {
  it.each([
    '/de',
    '/en',
    partnerPath('de', 'vku'),
    partnerPath('en', 'vku'),
    '/en/no-such-page',
    '/x.txt',
  ])('%s has no script but structured data, and no script preload', async (path) => {
    const { html } = await get(path);
    expect(html).toMatch(/<html lang="(de|en)">/);
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    expect(html).not.toMatch(/\/_next\/static\/[^"]+\.js/);
    expect(html).not.toContain('__next_f');
  });
});
