import { getPartners, type Partner } from '../content/load';
import { partnerTypes, type PartnerType } from '../content/schema';
import type { AppHref } from '../i18n/paths';
import { routing, type Locale } from '../i18n/routing';

/** Up to this many partners the list is one page without filters, as it was with four. */
export const pageSize = 24;

/** What a card needs, and no more: list pages at scale must stay small. */
export type PartnerSummary = Pick<
  Partner,
  'slug' | 'locale' | 'name' | 'nameLang' | 'shortName' | 'summary' | 'website' | 'type' | 'draft'
>;

export type PartnerListPage = {
  partners: PartnerSummary[];
  /** Partners matching the type filter, on all pages. */
  total: number;
  type: PartnerType | null;
  page: number;
  pageCount: number;
  /** Whether the list is long enough for type filters and pages. */
  paged: boolean;
  counts: Record<PartnerType, number> & { all: number };
  /** Short names of all partners, in order, as the list's social image shows them. */
  shortNames: string[];
};

export type ListQuery = { type?: string; page?: string | number };

function summarize(partner: Partner): PartnerSummary {
  const { slug, locale, name, nameLang, shortName, summary, website, type, draft } = partner;
  return { slug, locale, name, nameLang, shortName, summary, website, type, draft };
}

function isPartnerType(value: string): value is PartnerType {
  return (partnerTypes as readonly string[]).includes(value);
}

/** One page of the partner list, or null for a type or page that does not exist. */
export async function getListPage(
  locale: Locale,
  query: ListQuery = {},
): Promise<PartnerListPage | null> {
  const all = await getPartners(locale);
  const paged = all.length > pageSize;
  const type = query.type ?? null;
  if (type !== null && !(paged && isPartnerType(type))) return null;
  const page = query.page === undefined ? 1 : Number(query.page);
  // Page 1 lives at the list's own address; /seite/1 would be a duplicate.
  if (query.page !== undefined && !(paged && String(page) === String(query.page) && page > 1)) {
    return null;
  }
  const matching = type ? all.filter((partner) => partner.type === type) : all;
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  if (page > pageCount) return null;
  const counts = Object.fromEntries(
    partnerTypes.map((t) => [t, all.filter((partner) => partner.type === t).length]),
  ) as Record<PartnerType, number>;
  return {
    partners: matching.slice((page - 1) * pageSize, page * pageSize).map(summarize),
    total: matching.length,
    type,
    page,
    pageCount,
    paged,
    counts: { ...counts, all: all.length },
    shortNames: all.map((partner) => partner.shortName),
  };
}

/** The address of a list page, for links, the language switch and the sitemap. */
export function listHref(type: PartnerType | null, page: number): AppHref {
  if (type && page > 1) {
    return { pathname: '/type/[type]/page/[page]', params: { type, page: String(page) } };
  }
  if (type) return { pathname: '/type/[type]', params: { type } };
  if (page > 1) return { pathname: '/page/[page]', params: { page: String(page) } };
  return '/';
}

/** Every list page of one locale: the first page, the further pages, and each type's pages. */
export async function getListHrefs(locale: Locale): Promise<AppHref[]> {
  const first = await getListPage(locale);
  if (!first) return [];
  const hrefs: AppHref[] = [];
  for (const type of [null, ...(first.paged ? partnerTypes : [])]) {
    const total = type ? first.counts[type] : first.counts.all;
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    for (let page = 1; page <= pageCount; page++) hrefs.push(listHref(type, page));
  }
  return hrefs;
}

/** Static params of the list routes below [locale], for generateStaticParams. */
export async function getListParams(
  pathname: '/page/[page]' | '/type/[type]' | '/type/[type]/page/[page]',
) {
  const all = await Promise.all(
    routing.locales.map(async (locale) =>
      (await getListHrefs(locale)).flatMap((href) =>
        typeof href === 'object' && href.pathname === pathname ? [{ locale, ...href.params }] : [],
      ),
    ),
  );
  return all.flat();
}
