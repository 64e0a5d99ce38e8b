import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['de', 'en'],
  defaultLocale: 'de',
  pathnames: {
    '/': '/',
    '/page/[page]': { de: '/seite/[page]', en: '/page/[page]' },
    '/partners/[slug]': { de: '/partner/[slug]', en: '/partners/[slug]' },
    '/type/[type]': { de: '/typ/[type]', en: '/type/[type]' },
    '/type/[type]/page/[page]': { de: '/typ/[type]/seite/[page]', en: '/type/[type]/page/[page]' },
  },
});

export type Locale = (typeof routing.locales)[number];
