import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['de', 'en'],
  defaultLocale: 'de',
  pathnames: {
    '/': '/',
    '/partners/[slug]': { de: '/partner/[slug]', en: '/partners/[slug]' },
    '/accessibility': { de: '/barrierefreiheit', en: '/accessibility' },
  },
});

export type Locale = (typeof routing.locales)[number];
