// @vitest-environment jsdom
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { contentDir, loadContent, type Partner } from '@/lib/content/load';
import { routing, type Locale } from '@/lib/i18n/routing';
import { type SitePageName, sitePageNames } from '@/lib/i18n/routing';
import { getSiteUrl } from '@/lib/site/origin';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { schemaOrgErrors } from '../schema-org';

// Run with the SITE_URL the site was built with: every absolute URL must start with it.
const base = inject('baseUrl');
const site = getSiteUrl().origin;
const messages = { de, en };
const content = loadContent(contentDir(), { includeDrafts: false });
const ogLocale = { de: 'de_DE', en: 'en_GB' };

function pathOf(locale: Locale, slug?: string, sitePage?: SitePageName) {
  if (sitePage) return `/${locale}${routing.pathnames[`/${sitePage}`][locale]}`;
  if (!slug) return `/${locale}`;
  return `/${locale}${routing.pathnames['/partners/[slug]'][locale].replace('[slug]', slug)}`;
}

/** The site's absolute URL mapped onto the server under test. */
function local(url: string) {
  expect(url.startsWith(`${site}/`), `${url} starts with SITE_URL ${site}`).toBe(true);
  return base + url.slice(site.length);
}

function parse(html: string) {
  return new DOMParser().parseFromString(html, 'text/html');
}

async function get(url: string) {
  const response = await fetch(url, { redirect: 'manual' });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

type Page = {
  locale: Locale;
  slug?: string;
  sitePage?: SitePageName;
  title: string;
  description: string;
};
const pages: Page[] = routing.locales.flatMap((locale) => {
  const siteName = messages[locale].Layout.siteName;
  return [
    {
      locale,
      title: `${messages[locale].PartnerList.title} · ${siteName}`,
      description: messages[locale].PartnerList.metaDescription,
    },
    ...content.partners[locale].map((p: Partner) => ({
      locale,
      slug: p.slug,
      title: `${p.name} (${p.shortName}) · ${siteName}`,
      description: p.summary,
    })),
    ...sitePageNames.map((sitePage) => ({
      locale,
      sitePage,
      title: `${content[sitePage][locale].title} · ${siteName}`,
      description: content[sitePage][locale].description,
    })),
  ];
});

async function load(page: Page) {
  const { response, body } = await get(base + pathOf(page.locale, page.slug, page.sitePage));
  expect(response.status).toBe(200);
  const html = body.toString();
  return { response, html, document: parse(html) };
}

function jsonLd(document: Document) {
  return [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => {
    expect(script.textContent).not.toContain('<');
    return JSON.parse(script.textContent ?? '') as Record<string, unknown>;
  });
}

describe.each(pages.map((page) => [pathOf(page.locale, page.slug, page.sitePage), page] as const))(
  '%s',
  (_path, page) => {
    const { locale, slug, sitePage } = page;
    const other = routing.locales.find((l) => l !== locale)!;
    const canonical = site + pathOf(locale, slug, sitePage);

    it('has its title, description, canonical and hreflang links', async () => {
      const { document } = await load(page);
      const head = document.head;
      expect(document.title).toBe(page.title);
      expect(head.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
        page.description,
      );
      const canonicals = [...head.querySelectorAll('link[rel="canonical"]')].map((l) =>
        l.getAttribute('href'),
      );
      expect(canonicals).toEqual([canonical]);
      const alternates = Object.fromEntries(
        [...head.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [
          l.getAttribute('hreflang'),
          l.getAttribute('href'),
        ]),
      );
      expect(alternates).toEqual({
        de: site + pathOf('de', slug, sitePage),
        en: site + pathOf('en', slug, sitePage),
        'x-default': site + pathOf(routing.defaultLocale, slug, sitePage),
      });
      expect(head.querySelector('meta[name="robots"]')).toBeNull();
    });

    it('has OpenGraph and Twitter tags with its own 1200×630 image', async () => {
      const { document } = await load(page);
      const og = (property: string) =>
        [...document.head.querySelectorAll(`meta[property="${property}"]`)].map((m) =>
          m.getAttribute('content'),
        );
      expect(og('og:title')).toEqual([page.title]);
      expect(og('og:description')).toEqual([page.description]);
      expect(og('og:url')).toEqual([canonical]);
      expect(og('og:locale')).toEqual([ogLocale[locale]]);
      expect(og('og:locale:alternate')).toEqual([ogLocale[other]]);
      expect(og('og:image:alt')[0]).toContain(
        slug ? content.partners[locale].find((p) => p.slug === slug)!.name : 'Connective Cities',
      );
      expect(
        document.head.querySelector('meta[name="twitter:card"]')?.getAttribute('content'),
      ).toBe('summary_large_image');
      const [image] = og('og:image');
      expect(
        document.head.querySelector('meta[name="twitter:image"]')?.getAttribute('content'),
      ).toBe(image);
      const { response, body } = await get(local(image!));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1200, 630]);
    });

    it('describes itself in JSON-LD', async () => {
      const { document } = await load(page);
      const data = jsonLd(document);
      if (sitePage) {
        expect(data).toEqual([]);
        return;
      }
      if (!slug) {
        const partners = content.partners[locale];
        expect(data).toHaveLength(1);
        expect(data[0]).toMatchObject({ '@type': 'ItemList', numberOfItems: partners.length });
        expect(data[0]!.itemListElement).toEqual(
          partners.map((p, i) => ({
            '@type': 'ListItem',
            position: i + 1,
            name: p.name,
            url: site + pathOf(locale, p.slug),
          })),
        );
        return;
      }
      const partner = content.partners[locale].find((p) => p.slug === slug)!;
      expect(data.map((d) => d['@type'])).toEqual(['Organization', 'BreadcrumbList']);
      expect(data[0]).toMatchObject({
        name: partner.name,
        alternateName: partner.shortName,
        url: partner.website,
        description: partner.summary,
        ...(partner.founded && { foundingDate: String(partner.founded) }),
        ...(partner.seat && {
          address: { '@type': 'PostalAddress', addressLocality: partner.seat },
        }),
      });
      expect(data[1]!.itemListElement).toEqual([
        {
          '@type': 'ListItem',
          position: 1,
          name: messages[locale].PartnerList.heading,
          item: site + pathOf(locale),
        },
        { '@type': 'ListItem', position: 2, name: partner.name, item: canonical },
      ]);
    });

    it('sets no cookie and no Link header', async () => {
      const { response } = await load(page);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(response.headers.get('link')).toBeNull();
    });
  },
);

describe('all pages', () => {
  it.each(routing.locales)('have distinct titles and descriptions in %s', (locale) => {
    // Across languages a proper name may repeat (UCLG is English in both): hreflang tells them apart.
    const own = pages.filter((p) => p.locale === locale);
    expect(new Set(own.map((p) => p.title)).size).toBe(own.length);
    expect(new Set(own.map((p) => p.description)).size).toBe(own.length);
  });

  it('carry JSON-LD that is valid schema.org', async () => {
    const items = (
      await Promise.all(pages.map(async (page) => jsonLd((await load(page)).document)))
    ).flat();
    expect(schemaOrgErrors(items)).toEqual(items.map(() => []));
  }, 120_000);

  it('redirect from / without setting a cookie', async () => {
    const response = await fetch(`${base}/`, {
      redirect: 'manual',
      headers: { 'accept-language': 'en' },
    });
    expect(response.status).toBe(307);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('sitemap.xml and robots.txt', () => {
  it('lists exactly the public pages, each with its alternates, and each URL answers 200', async () => {
    const { response, body } = await get(`${base}/sitemap.xml`);
    expect(response.status).toBe(200);
    const xml = new DOMParser().parseFromString(body.toString(), 'text/xml');
    const entries = [...xml.getElementsByTagName('url')].map((url) => ({
      loc: url.getElementsByTagName('loc')[0]?.textContent ?? '',
      lastmod: url.getElementsByTagName('lastmod')[0]?.textContent ?? '',
      alternates: Object.fromEntries(
        [...url.getElementsByTagName('xhtml:link')].map((l): [string, string] => [
          l.getAttribute('hreflang') ?? '',
          l.getAttribute('href') ?? '',
        ]),
      ),
    }));
    expect(entries.map((e) => e.loc).sort()).toEqual(
      pages.map((p) => site + pathOf(p.locale, p.slug, p.sitePage)).sort(),
    );
    for (const entry of entries) {
      expect(Object.keys(entry.alternates).sort(), entry.loc).toEqual(['de', 'en', 'x-default']);
      expect(Object.values(entry.alternates), entry.loc).toContain(entry.loc);
      expect(Number.isNaN(Date.parse(entry.lastmod)), entry.lastmod).toBe(false);
      for (const url of [entry.loc, ...Object.values(entry.alternates)]) {
        expect((await fetch(local(url), { redirect: 'manual' })).status, url).toBe(200);
      }
    }
  });

  it('security.txt names the imprint’s security contact and expires within a year', async () => {
    const { response, body } = await get(`${base}/.well-known/security.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const fields = Object.fromEntries(
      body
        .toString()
        .trimEnd()
        .split('\n')
        .map((line) => line.split(/: (.*)/s).slice(0, 2)),
    );
    expect(Object.keys(fields)).toEqual(['Contact', 'Expires', 'Preferred-Languages', 'Canonical']);
    expect(fields.Contact).toBe(`mailto:${content.imprint.de.securityContact}`);
    expect(fields['Preferred-Languages']).toBe(routing.locales.join(', '));
    expect(fields.Canonical).toBe(`${site}/.well-known/security.txt`);
    const expires = Date.parse(fields.Expires);
    expect(expires).toBeGreaterThan(Date.now());
    expect(expires).toBeLessThanOrEqual(Date.now() + 365 * 86_400_000);
  });

  it('robots.txt allows all and names the sitemap', async () => {
    const text = (await get(`${base}/robots.txt`)).body.toString();
    expect(text).toMatch(/User-Agent: \*\nAllow: \//);
    expect(text).toContain(`Sitemap: ${site}/sitemap.xml`);
  });
});

describe('icons, manifests and the directory', () => {
  it('serves the favicon and icons', async () => {
    const favicon = await get(`${base}/favicon.ico`);
    expect(favicon.response.status).toBe(200);
    expect(favicon.response.headers.get('content-type')).toBe('image/x-icon');
    for (const icon of ['/icon.svg', '/apple-icon.png']) {
      expect((await get(base + icon)).response.status, icon).toBe(200);
    }
  });

  it.each(routing.locales)('links a %s manifest whose text and icons are there', async (locale) => {
    const { document } = await load(pages.find((p) => p.locale === locale)!);
    const href = document.head.querySelector('link[rel="manifest"]')?.getAttribute('href');
    expect(href).toBe(`/${locale}/manifest.webmanifest`);
    const { response, body } = await get(base + href);
    expect(response.headers.get('content-type')).toBe('application/manifest+json');
    const manifest = JSON.parse(body.toString());
    expect(manifest).toMatchObject({
      lang: locale,
      name: messages[locale].Manifest.name,
      short_name: messages[locale].Manifest.shortName,
      start_url: `/${locale}`,
    });
    const [svg, ...pngs] = manifest.icons;
    // The SVG is inline (no request); read through a URL parser, it must be the site icon.
    const served = (await get(`${base}/icon.svg`)).body.toString();
    const inline = await (await fetch(svg.src)).text();
    expect(svg.type).toBe('image/svg+xml');
    expect(inline).toBe(served.replace(/\s+/g, ' ').trim());
    for (const png of pngs) expect((await get(base + png.src)).response.status, png.src).toBe(200);
  });

  it.each(routing.locales)(
    'serves /%s/partners.json with every partner and its page',
    async (locale) => {
      const { response, body } = await get(`${base}/${locale}/partners.json`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const directory = JSON.parse(body.toString());
      expect(directory.locale).toBe(locale);
      expect(directory.partners.map((p: { slug: string }) => p.slug)).toEqual(
        content.partners[locale].map((p) => p.slug),
      );
      for (const partner of directory.partners) {
        expect(partner).not.toHaveProperty('draft');
        expect(partner.url).toBe(site + pathOf(locale, partner.slug));
        expect((await fetch(local(partner.url), { redirect: 'manual' })).status).toBe(200);
      }
    },
  );

  it('answers an unknown locale’s directory with 404', async () => {
    expect((await get(`${base}/fr/partners.json`)).response.status).toBe(404);
  });
});

describe('not-found pages', () => {
  const paths = ['/de/no/such/page', '/en/partners/no-such-partner', '/unknown.txt'];

  it.each(paths)('%s is noindex, without canonical or hreflang', async (path) => {
    const { response, body } = await get(base + path);
    expect(response.status).toBe(404);
    const { head } = parse(body.toString());
    expect(
      [...head.querySelectorAll('meta[name="robots"]')].map((m) => m.getAttribute('content')),
    ).toEqual(['noindex']);
    expect(head.querySelector('link[rel="canonical"], link[rel="alternate"]')).toBeNull();
    expect(head.querySelector('title')?.textContent).toBeTruthy();
  });

  it('are valid HTML (the prerendered pages are checked by npm run validate:html)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'not-found-'));
    const files = await Promise.all(
      paths.map(async (p, i) => {
        const file = path.join(dir, `${i}.html`);
        fs.writeFileSync(file, (await get(base + p)).body);
        return file;
      }),
    );
    try {
      const output = execFileSync('node', ['scripts/validate-html.mjs', ...files], {
        encoding: 'utf8',
      });
      expect(output).toContain(`${files.length} pages, 0 errors`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
