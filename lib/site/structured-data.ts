import type { BreadcrumbList, ItemList, Organization, Thing, WithContext } from 'schema-dts';
import type { Partner } from '../content/load';
import { partnerHref } from '../i18n/paths';
import { pageUrl } from './metadata';

export type JsonLd = WithContext<Thing>;

/** JSON for a <script type="application/ld+json">: `<` escaped so no "</script>" or "<!--" ends it early. */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export function organizationJsonLd(partner: Partner): WithContext<Organization> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: partner.name,
    alternateName: partner.shortName,
    url: partner.website,
    description: partner.summary,
    ...(partner.founded !== undefined && { foundingDate: String(partner.founded) }),
    ...(partner.seat !== undefined && {
      address: { '@type': 'PostalAddress', addressLocality: partner.seat },
    }),
  };
}

/** The trail list page › partner page; `listName` is the list page's name in the partner's locale. */
export function partnerBreadcrumbJsonLd(
  partner: Partner,
  listName: string,
): WithContext<BreadcrumbList> {
  const crumbs = [
    { name: listName, url: pageUrl(partner.locale, '/') },
    { name: partner.name, url: pageUrl(partner.locale, partnerHref(partner.slug)) },
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

/** All partners of one locale, in the list's order, each pointing to its page. */
export function partnerListJsonLd(
  partners: Pick<Partner, 'name' | 'locale' | 'slug'>[],
  name: string,
): WithContext<ItemList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name,
    numberOfItems: partners.length,
    itemListElement: partners.map((partner, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: partner.name,
      url: pageUrl(partner.locale, partnerHref(partner.slug)),
    })),
  };
}
