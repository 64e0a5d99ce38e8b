import type { MetadataRoute } from 'next';
import { type ContentPage, getLastModified } from '../content/load';
import { type AppHref, sitePageHref, slugOf } from '../i18n/paths';
import { routing, sitePageNames } from '../i18n/routing';
import { alternatesFor } from '../site/metadata';
import { absoluteUrl } from '../site/origin';
import { listPages } from './pages';

function contentPageOf(href: AppHref): ContentPage {
  const slug = slugOf(href);
  if (slug) return { partner: slug };
  const sitePage = sitePageNames.find((name) => sitePageHref(name) === href);
  return sitePage ? { sitePage } : 'list';
}

/** Every public page in every locale, with its translations as hreflang alternates. */
export async function sitemapEntries(): Promise<MetadataRoute.Sitemap> {
  const perLocale = await Promise.all(
    routing.locales.map(async (locale) =>
      Promise.all(
        (await listPages(locale)).map(async (href) => {
          const { canonical, languages } = alternatesFor(locale, href);
          return {
            url: absoluteUrl(canonical),
            lastModified: await getLastModified(locale, contentPageOf(href)),
            alternates: {
              languages: Object.fromEntries(
                Object.entries(languages).map(([lang, path]) => [lang, absoluteUrl(path)]),
              ),
            },
          };
        }),
      ),
    ),
  );
  return perLocale.flat();
}
