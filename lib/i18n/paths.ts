import { getPathname } from './navigation';
import { routing, type Locale } from './routing';

export type AppHref = Parameters<typeof getPathname>[0]['href'];

/** The path of one page in every locale, e.g. { de: '/de/partner/vku', en: '/en/partners/vku' }. */
export function localizedPaths(href: AppHref): Record<Locale, string> {
  return Object.fromEntries(
    routing.locales.map((locale) => [locale, getPathname({ locale, href })]),
  ) as Record<Locale, string>;
}
