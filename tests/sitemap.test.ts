import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// A production build of the fixture content, whose partner "gamma" is a draft.
vi.stubEnv('NODE_ENV', 'production');
vi.stubEnv('CONTENT_DIR', path.join('tests', 'fixtures', 'seo-content'));
vi.stubEnv('SITE_URL', 'https://partners.example.org');

let sitemapEntries: typeof import('@/lib/directory/sitemap').sitemapEntries;
let getDirectory: typeof import('@/lib/directory/partners-json').getDirectory;
let robots: typeof import('@/app/robots').default;
beforeAll(async () => {
  ({ sitemapEntries } = await import('@/lib/directory/sitemap'));
  ({ getDirectory } = await import('@/lib/directory/partners-json'));
  robots = (await import('@/app/robots')).default;
});

describe('sitemapEntries', () => {
  it('lists every public page in every language, drafts never', async () => {
    const urls = (await sitemapEntries()).map((entry) => entry.url);
    expect(urls.sort()).toEqual(
      [
        'https://partners.example.org/de',
        'https://partners.example.org/de/partner/alpha',
        'https://partners.example.org/de/partner/beta',
        'https://partners.example.org/en',
        'https://partners.example.org/en/partners/alpha',
        'https://partners.example.org/en/partners/beta',
        'https://partners.example.org/de/barrierefreiheit',
        'https://partners.example.org/de/impressum',
        'https://partners.example.org/de/datenschutz',
        'https://partners.example.org/en/accessibility',
        'https://partners.example.org/en/imprint',
        'https://partners.example.org/en/privacy',
      ].sort(),
    );
  });

  it('gives the site pages their translations too', async () => {
    const entry = (await sitemapEntries()).find((e) => e.url.endsWith('/en/privacy'));
    expect(entry?.alternates?.languages).toEqual({
      de: 'https://partners.example.org/de/datenschutz',
      en: 'https://partners.example.org/en/privacy',
      'x-default': 'https://partners.example.org/de/datenschutz',
    });
  });

  it('gives each page its translations and x-default as absolute URLs', async () => {
    const entry = (await sitemapEntries()).find((e) => e.url.endsWith('/en/partners/alpha'));
    expect(entry?.alternates?.languages).toEqual({
      de: 'https://partners.example.org/de/partner/alpha',
      en: 'https://partners.example.org/en/partners/alpha',
      'x-default': 'https://partners.example.org/de/partner/alpha',
    });
  });

  it('dates every page by its content files', async () => {
    for (const entry of await sitemapEntries()) {
      const date = entry.lastModified as Date;
      expect(date.getTime(), entry.url).toBeGreaterThan(Date.parse('2020-01-01'));
      expect(date.getTime(), entry.url).toBeLessThanOrEqual(Date.now());
    }
  });
});

describe('robots', () => {
  it('allows everything and points to the sitemap', () => {
    expect(robots()).toEqual({
      rules: { userAgent: '*', allow: '/' },
      sitemap: 'https://partners.example.org/sitemap.xml',
    });
  });

  it('disallows everything on a staging build (CC_STAGING=1)', () => {
    vi.stubEnv('CC_STAGING', '1');
    try {
      expect(robots()).toEqual({ rules: { userAgent: '*', disallow: '/' } });
    } finally {
      vi.stubEnv('CC_STAGING', '');
    }
  });
});

describe('getDirectory', () => {
  it('lists the public fields and page URL of each published partner', async () => {
    const directory = await getDirectory('de');
    expect(directory.url).toBe('https://partners.example.org/de');
    expect(directory.partners.map((p) => p.slug)).toEqual(['beta', 'alpha']);
    expect(directory.partners[1]).toEqual({
      slug: 'alpha',
      name: 'Alpha de',
      shortName: 'ALF',
      summary: 'Alpha summary de.',
      type: 'network',
      website: 'https://alpha.example.org',
      founded: 1999,
      seat: 'Köln',
      figuresAsOf: undefined,
      url: 'https://partners.example.org/de/partner/alpha',
      descriptionHtml: '<p>Alpha body.</p>',
    });
  });
});
