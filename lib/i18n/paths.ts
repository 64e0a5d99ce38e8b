import { getPathname } from './navigation';
import { routing, type Locale, type SitePageName } from './routing';

export type AppHref = Parameters<typeof getPathname>[0]['href'];

/** The path of one page in every locale, e.g. { de: '/de/partner/vku', en: '/en/partners/vku' }. */
export function localizedPaths(href: AppHref): Record<Locale, string> {
  return Object.fromEntries(
    routing.locales.map((locale) => [locale, getPathname({ locale, href })]),
  ) as Record<Locale, string>;
}

export function partnerHref(slug: string) {
  return { pathname: '/partners/[slug]', params: { slug } } as const satisfies AppHref;
}

/** The partner slug of a partner page's href, undefined for list pages. */
export function slugOf(href: AppHref): string | undefined {
  return typeof href === 'object' && 'params' in href && 'slug' in href.params
    ? String(href.params.slug)
    : undefined;
}

export function sitePageHref(name: SitePageName) {
  return `/${name}` as const satisfies AppHref;
}
