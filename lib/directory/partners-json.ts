import { getPartners } from '../content/load';
import { partnerHref } from '../i18n/paths';
import { pageUrl } from '../site/metadata';
import type { Locale } from '../i18n/routing';
import type { PartnerType } from '../content/schema';

export type DirectoryPartner = {
  slug: string;
  name: string;
  shortName: string;
  summary: string;
  type: PartnerType;
  website: string;
  founded?: number;
  seat?: string;
  figuresAsOf?: number;
  /** The partner's page on this site, in this directory's language. */
  url: string;
  /** The description as sanitized HTML. */
  descriptionHtml: string;
};

export type Directory = { locale: Locale; url: string; partners: DirectoryPartner[] };

/** The public fields of every partner in one language, for other sites to reuse. */
export async function getDirectory(locale: Locale): Promise<Directory> {
  const partners = await getPartners(locale);
  return {
    locale,
    url: pageUrl(locale, '/'),
    partners: partners.map((p) => ({
      slug: p.slug,
      name: p.name,
      shortName: p.shortName,
      summary: p.summary,
      type: p.type,
      website: p.website,
      founded: p.founded,
      seat: p.seat,
      figuresAsOf: p.figuresAsOf,
      url: pageUrl(locale, partnerHref(p.slug)),
      descriptionHtml: p.html,
    })),
  };
}
