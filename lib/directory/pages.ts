// lib/directory/: which pages the directory has: list and partner pages, sitemap, partners.json.
import { getPartners } from '../content/load';
import { getPathname } from '../i18n/navigation';
import { type AppHref, sitePageHref } from '../i18n/paths';
import { type Locale, sitePageNames } from '../i18n/routing';
import { getListHrefs } from './partner-list';

/** Every public page of one locale, as next-intl hrefs: the one list the proxy and sitemap share. */
export async function listPages(locale: Locale): Promise<AppHref[]> {
  const [partners, lists] = await Promise.all([getPartners(locale), getListHrefs(locale)]);
  return [
    ...lists,
    ...partners.map((partner) => ({
      pathname: '/partners/[slug]' as const,
      params: { slug: partner.slug },
    })),
    ...sitePageNames.map(sitePageHref),
  ];
}

// The public paths of each content snapshot: getPartners returns the same array until the content
// changes (in development), so the proxy builds the set once instead of on every request.
const pathsBySnapshot = new WeakMap<object, Set<string>>();

/** Whether `pathname` (as requested, e.g. /de/partner/vku) is a public page of `locale`. */
export async function isPublicPath(locale: Locale, pathname: string): Promise<boolean> {
  const snapshot = await getPartners(locale);
  let paths = pathsBySnapshot.get(snapshot);
  if (!paths) {
    paths = new Set((await listPages(locale)).map((href) => getPathname({ locale, href })));
    pathsBySnapshot.set(snapshot, paths);
  }
  return paths.has(pathname);
}
