import type { MetadataRoute } from 'next';
import { getLastModified } from './content';
import { slugOf } from './i18n/paths';
import { routing } from './i18n/routing';
import { alternatesFor } from './metadata';
import { listPages } from './pages';
import { absoluteUrl } from './site';

/** Every public page in every locale, with its translations as hreflang alternates. */
export async function sitemapEntries(): Promise<MetadataRoute.Sitemap> {
  const perLocale = await Promise.all(
    routing.locales.map(async (locale) =>
      Promise.all(
        (await listPages(locale)).map(async (href) => {
          const { canonical, languages } = alternatesFor(locale, href);
          return {
            url: absoluteUrl(canonical),
            lastModified: await getLastModified(locale, slugOf(href)),
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
