import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['de', 'en'],
  defaultLocale: 'de',
  pathnames: {
    '/': '/',
    '/partners/[slug]': { de: '/partner/[slug]', en: '/partners/[slug]' },
  },
});

export type Locale = (typeof routing.locales)[number];
