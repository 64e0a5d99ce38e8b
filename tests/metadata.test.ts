import { describe, expect, it } from 'vitest';
import { partnerHref } from '@/lib/i18n/paths';
import { alternatesFor, documentTitle, ogImagePath, pageMetadata } from '@/lib/site/metadata';

describe('alternatesFor', () => {
  it('points the canonical to the page in its own language, with localized paths', () => {
    expect(alternatesFor('de', partnerHref('vku'))).toEqual({
      canonical: '/de/partner/vku',
      languages: { de: '/de/partner/vku', en: '/en/partners/vku', 'x-default': '/de/partner/vku' },
    });
    expect(alternatesFor('en', partnerHref('vku')).canonical).toBe('/en/partners/vku');
  });

  it('covers the list page', () => {
    expect(alternatesFor('en', '/')).toEqual({
      canonical: '/en',
      languages: { de: '/de', en: '/en', 'x-default': '/de' },
    });
  });
});

describe('ogImagePath', () => {
  it('uses the internal path, where the opengraph-image route lives', () => {
    expect(ogImagePath('de', partnerHref('vku'))).toBe('/de/partners/vku/opengraph-image');
    expect(ogImagePath('en', '/')).toBe('/en/opengraph-image');
  });
});

describe('pageMetadata', () => {
  const metadata = pageMetadata({
    locale: 'en',
    href: partnerHref('vku'),
    title: 'German Association of Local Public Utilities (VKU)',
    description: 'Summary.',
    imageAlt: 'VKU card',
    siteName: 'Connective Cities',
  });

  it('sets the title, description and alternates', () => {
    expect(metadata.title).toEqual({
      absolute: documentTitle(
        'German Association of Local Public Utilities (VKU)',
        'Connective Cities',
      ),
    });
    expect(metadata.description).toBe('Summary.');
    expect(metadata.alternates?.canonical).toBe('/en/partners/vku');
  });

  it('sets OpenGraph in the page language with the other languages as alternates', () => {
    expect(metadata.openGraph).toMatchObject({
      url: '/en/partners/vku',
      locale: 'en_GB',
      alternateLocale: ['de_DE'],
      siteName: 'Connective Cities',
      images: [
        {
          url: '/en/partners/vku/opengraph-image',
          width: 1200,
          height: 630,
          alt: 'VKU card',
        },
      ],
    });
    expect(metadata.twitter).toEqual({ card: 'summary_large_image' });
  });
});
