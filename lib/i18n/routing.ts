import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['de', 'en'],
  defaultLocale: 'de',
  pathnames: {
    '/': '/',
    '/partners/[slug]': { de: '/partner/[slug]', en: '/partners/[slug]' },
    '/accessibility': { de: '/barrierefreiheit', en: '/accessibility' },
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
