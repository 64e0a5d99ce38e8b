// lib/i18n/: the languages and their localized paths (next-intl's routing, navigation, messages).
import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['de', 'en'],
  defaultLocale: 'de',
  pathnames: {
    '/': '/',
    '/page/[page]': { de: '/seite/[page]', en: '/page/[page]' },
    '/partners/[slug]': { de: '/partner/[slug]', en: '/partners/[slug]' },
    '/accessibility': { de: '/barrierefreiheit', en: '/accessibility' },
    '/imprint': { de: '/impressum', en: '/imprint' },
    '/privacy': { de: '/datenschutz', en: '/privacy' },
    '/type/[type]': { de: '/typ/[type]', en: '/type/[type]' },
    '/type/[type]/page/[page]': { de: '/typ/[type]/seite/[page]', en: '/type/[type]/page/[page]' },
  },
  // Every page carries its hreflang links in its HTML; the header would only repeat them, built
  // from the request's (spoofable) X-Forwarded-Host instead of SITE_URL.
  alternateLinks: false,
  // A Set-Cookie on a prerendered page keeps shared caches from storing it, and the cookie would
  // only steer the redirect from "/": Accept-Language does that, and every other URL names its
  // language.
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];

/** The site's own pages, linked from every page's footer and listed in the sitemap. */
export const sitePageNames = ['accessibility', 'imprint', 'privacy'] as const;
export type SitePageName = (typeof sitePageNames)[number];
