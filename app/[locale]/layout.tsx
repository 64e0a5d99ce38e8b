import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { bodyClassName } from '@/components/page-classes';
import { SiteFooter } from '@/components/site-footer';
import { resolveLocale } from '@/lib/i18n/locale';
import { routing } from '@/lib/i18n/routing';
import { documentTitle } from '@/lib/site/metadata';
import { getSiteUrl, isStaging } from '@/lib/site/origin';
import '../globals.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Layout' });
  return {
    metadataBase: getSiteUrl(),
    title: { template: documentTitle('%s', t('siteName')), default: t('siteName') },
    applicationName: t('siteName'),
    manifest: `/${locale}/manifest.webmanifest`,
    ...(isStaging() && { robots: { index: false, follow: false } }),
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Layout' });
  return (
    <html lang={locale}>
      <body className={bodyClassName}>
        <a
          href="#main"
          className="sr-only rounded-md bg-brand-700 px-4 py-2 text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 print:hidden"
        >
          {t('skipLink')}
        </a>
        {children}
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
