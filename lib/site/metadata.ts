// lib/site/: what every page carries: origin, metadata, JSON-LD, social card, icon, security.txt.
import type { Metadata } from 'next';
import { getPathname } from '../i18n/navigation';
import { localizedPaths, slugOf, type AppHref } from '../i18n/paths';
import { routing, type Locale } from '../i18n/routing';
import { ogImageSize } from './og-image';
import { absoluteUrl, ogLocales } from './origin';

/** The document title of a page, e.g. "Partner · Connective Cities"; `%s` makes the template. */
export function documentTitle(title: string, siteName: string): string {
  return `${title} · ${siteName}`;
}

/** The absolute URL of a page, e.g. https://…/de/partner/vku. */
export function pageUrl(locale: Locale, href: AppHref): string {
  return absoluteUrl(getPathname({ locale, href }));
}

/** Canonical (the page in its own language) and hreflang links for every locale plus x-default. */
export function alternatesFor(locale: Locale, href: AppHref) {
  const paths = localizedPaths(href);
  return {
    canonical: paths[locale],
    languages: { ...paths, 'x-default': paths[routing.defaultLocale] },
  } satisfies Metadata['alternates'];
}

/**
 * The page's image from its opengraph-image route, which sits at the page's internal path
 * (/de/partners/vku/…, where the page itself is /de/partner/vku).
 */
export function ogImagePath(locale: Locale, href: AppHref): string {
  const template = typeof href === 'string' ? href : href.pathname;
  const pathname = template.replace('[slug]', slugOf(href) ?? '');
  return `/${locale}${pathname === '/' ? '' : pathname}/opengraph-image`;
}

type Page = {
  locale: Locale;
  href: AppHref;
  title: string;
  description: string;
  imageAlt: string;
  siteName: string;
  /** The page whose social image this page shares (the list's further pages use the list's). */
  imageHref?: AppHref;
};

/** Title, description, canonical, hreflang, OpenGraph and Twitter tags of one indexable page. */
export function pageMetadata({
  locale,
  href,
  title,
  description,
  imageAlt,
  siteName,
  imageHref = href,
}: Page): Metadata {
  const alternates = alternatesFor(locale, href);
  const fullTitle = documentTitle(title, siteName);
  return {
    title: { absolute: fullTitle },
    description,
    alternates,
    openGraph: {
      type: 'website',
      siteName,
      title: fullTitle,
      description,
      url: alternates.canonical,
      locale: ogLocales[locale],
      alternateLocale: routing.locales
        .filter((other) => other !== locale)
        .map((other) => ogLocales[other]),
      images: [
        { url: ogImagePath(locale, imageHref), ...ogImageSize, alt: imageAlt, type: 'image/png' },
      ],
    },
    twitter: { card: 'summary_large_image' },
  };
}
