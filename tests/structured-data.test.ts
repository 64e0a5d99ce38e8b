import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Partner } from '@/lib/content/load';
import {
  organizationJsonLd,
  partnerBreadcrumbJsonLd,
  partnerListJsonLd,
  serializeJsonLd,
} from '@/lib/site/structured-data';
import { schemaOrgErrors } from './schema-org';

// Absolute URLs come from SITE_URL; pin it so the test does not depend on the caller's environment.
beforeEach(() => {
  vi.stubEnv('SITE_URL', 'https://partners.example.org');
  return () => vi.unstubAllEnvs();
});

const vku: Partner = {
  slug: 'vku',
  locale: 'de',
  name: 'Verband kommunaler Unternehmen e.V.',
  shortName: 'VKU',
  summary: 'Der VKU vertritt kommunale Unternehmen.',
  website: 'https://www.vku.de',
  type: 'association',
  order: 1,
  founded: 1949,
  seat: 'Berlin',
  draft: false,
  html: '<p>…</p>',
};
const minimal: Partner = { ...vku, slug: 'min', locale: 'en', founded: undefined, seat: undefined };

describe('organizationJsonLd', () => {
  it('describes the partner as a schema.org Organization', () => {
    expect(organizationJsonLd(vku)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: 'Verband kommunaler Unternehmen e.V.',
      alternateName: 'VKU',
      url: 'https://www.vku.de',
      description: 'Der VKU vertritt kommunale Unternehmen.',
      foundingDate: '1949',
      address: { '@type': 'PostalAddress', addressLocality: 'Berlin' },
    });
  });

  it('leaves out what the partner does not state', () => {
    const data = organizationJsonLd(minimal);
    expect(data).not.toHaveProperty('foundingDate');
    expect(data).not.toHaveProperty('address');
  });
});

describe('partnerBreadcrumbJsonLd', () => {
  it('leads from the list page to the partner page, in the partner’s language', () => {
    expect(partnerBreadcrumbJsonLd(vku, 'Unsere Partner').itemListElement).toEqual([
      {
        '@type': 'ListItem',
        position: 1,
        name: 'Unsere Partner',
        item: 'https://partners.example.org/de',
      },
      {
        '@type': 'ListItem',
        position: 2,
        name: 'Verband kommunaler Unternehmen e.V.',
        item: 'https://partners.example.org/de/partner/vku',
      },
    ]);
  });
});

describe('partnerListJsonLd', () => {
  it('lists the partners in order with their page URLs', () => {
    const data = partnerListJsonLd([vku, { ...vku, slug: 'use', name: 'USE' }], 'Unsere Partner');
    expect(data).toMatchObject({ '@type': 'ItemList', name: 'Unsere Partner', numberOfItems: 2 });
    expect(data.itemListElement).toEqual([
      {
        '@type': 'ListItem',
        position: 1,
        name: vku.name,
        url: 'https://partners.example.org/de/partner/vku',
      },
      {
        '@type': 'ListItem',
        position: 2,
        name: 'USE',
        url: 'https://partners.example.org/de/partner/use',
      },
    ]);
  });
});

describe('serializeJsonLd', () => {
  it('escapes "<" so that content cannot close the script element', () => {
    const hostile = { ...vku, name: '</script><script>alert(1)</script><!--' };
    const json = serializeJsonLd(organizationJsonLd(hostile));
    expect(json).not.toContain('<');
    expect(json).toContain('\\u003c/script>');
    expect(JSON.parse(json).name).toBe(hostile.name);
  });
});

describe('schema.org validity', () => {
  it('accepts everything the site emits', () => {
    const items = [
      organizationJsonLd(vku),
      organizationJsonLd(minimal),
      partnerBreadcrumbJsonLd(vku, 'Unsere Partner'),
      partnerListJsonLd([vku, minimal], 'Our partners'),
    ];
    expect(schemaOrgErrors(items)).toEqual(items.map(() => []));
  }, 60_000);

  it('rejects unknown types, unknown properties and values of the wrong type', () => {
    const org = organizationJsonLd(vku) as object;
    const errors = schemaOrgErrors([
      { ...org, '@type': 'Organisation' },
      { ...org, foundedIn: 1949 },
      { ...org, foundingDate: 1949 },
      { ...org, address: { '@type': 'PostalAddress', city: 'Berlin' } },
      {
        ...(partnerListJsonLd([vku], 'x') as object),
        itemListElement: [{ '@type': 'ListItem', link: '/' }],
      },
    ]);
    for (const [index, messages] of errors.entries())
      expect(messages, `item ${index}`).not.toEqual([]);
  }, 60_000);
});
