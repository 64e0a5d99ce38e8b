import { test as base, expect, type Page } from '@playwright/test';
import { contentDir, loadContent } from '@/lib/content/load';
import { type SitePageName, sitePageNames } from '@/lib/i18n/routing';
import { routing, type Locale } from '@/lib/i18n/routing';

export const content = loadContent(contentDir(), { includeDrafts: false });
export const locales = routing.locales;

export type SitePage = {
  id: string;
  locale: Locale;
  path: string;
  kind: 'list' | 'partner' | SitePageName | 'not-found';
  status: number;
};

function localized(locale: Locale, pathname: keyof typeof routing.pathnames, slug = ''): string {
  const entry = routing.pathnames[pathname];
  const path = typeof entry === 'string' ? entry : entry[locale];
  return `/${locale}${path === '/' ? '' : path.replace('[slug]', slug)}`;
}

export const listPath = (locale: Locale) => localized(locale, '/');
export const partnerPath = (locale: Locale, slug: string) =>
  localized(locale, '/partners/[slug]', slug);
export const notFoundPath = (locale: Locale) => `/${locale}/no-such-page`;

/** Every page type of the site, in one locale; the same ids in every locale. */
export function sitePages(locale: Locale): SitePage[] {
  return [
    { id: 'list', locale, path: listPath(locale), kind: 'list', status: 200 },
    ...content.partners[locale].map((partner) => ({
      id: `partner-${partner.slug}`,
      locale,
      path: partnerPath(locale, partner.slug),
      kind: 'partner' as const,
      status: 200,
    })),
    ...sitePageNames.map((name) => ({
      id: name,
      locale,
      path: localized(locale, `/${name}`),
      kind: name,
      status: 200,
    })),
    { id: 'not-found', locale, path: notFoundPath(locale), kind: 'not-found', status: 404 },
  ];
}

export const allPages = locales.flatMap(sitePages);
const intended404 = new Set(allPages.filter((p) => p.status === 404).map((p) => p.path));

function isIntended404(url: string) {
  return intended404.has(new URL(url).pathname);
}

/**
 * Every test fails on a console error, an uncaught exception, a failed request or an HTTP error,
 * except the 404 documents the not-found pages are meant to return.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page, javaScriptEnabled, baseURL }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const where = message.location().url;
        if (where && isIntended404(where) && message.text().includes('404')) return;
        problems.push(`console: ${message.text()} (${where})`);
      });
      page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
      page.on('requestfailed', (request) => {
        // With JavaScript off, Chromium refuses to fetch scripts; that is the point of the test.
        if (!javaScriptEnabled && request.resourceType() === 'script') return;
        // Leaving a page cancels what it still loads (e.g. the icon or manifest): not a failure.
        if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
        problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`);
      });
      // The privacy notice promises that a visit asks no other server for anything.
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol !== 'data:' && url.origin !== new URL(baseURL!).origin)
          problems.push(`request to another origin: ${request.url()}`);
      });
      page.on('response', (response) => {
        const ok = response.status() < 400;
        const intended =
          response.status() === 404 &&
          response.request().resourceType() === 'document' &&
          isIntended404(response.url());
        if (!ok && !intended) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      await use(problems);
      expect(problems, 'console errors and failed requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function open(page: Page, sitePage: SitePage) {
  const response = await page.goto(sitePage.path);
  expect(response?.status(), sitePage.path).toBe(sitePage.status);
  return response;
}
