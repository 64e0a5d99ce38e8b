import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { JsonLd } from '@/components/json-ld';
import { PartnerCard } from '@/components/partner-card';
import { ProverbHeader } from '@/components/proverb-header';
import { SiteHeader } from '@/components/site-header';
import { getHeader, getPartners } from '@/lib/content';
import { resolveLocale } from '@/lib/i18n/locale';
import { localizedPaths } from '@/lib/i18n/paths';
import { pageMetadata } from '@/lib/metadata';
import { partnerListJsonLd } from '@/lib/structured-data';

export async function generateMetadata({ params }: PageProps<'/[locale]'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const [t, tLayout, tImage, format, partners] = await Promise.all([
    getTranslations({ locale, namespace: 'PartnerList' }),
    getTranslations({ locale, namespace: 'Layout' }),
    getTranslations({ locale, namespace: 'OgImage' }),
    getFormatter({ locale }),
    getPartners(locale),
  ]);
  return pageMetadata({
    locale,
    href: '/',
    title: t('title'),
    description: t('metaDescription'),
    imageAlt: tImage('listAlt', { names: format.list(partners.map((p) => p.shortName)) }),
    siteName: tLayout('siteName'),
  });
}

export default async function PartnerListPage({ params }: PageProps<'/[locale]'>) {
  const locale = await resolveLocale(params);
  const [header, partners, t] = await Promise.all([
    getHeader(locale),
    getPartners(locale),
    getTranslations({ locale, namespace: 'PartnerList' }),
  ]);
  return (
    <>
      <SiteHeader locale={locale} paths={localizedPaths('/')} />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl grow px-4 py-10 sm:px-6 sm:py-14"
      >
        <h1 className="mb-8 text-sm font-semibold tracking-widest text-brand-700 uppercase dark:text-brand-300">
          {t('heading')}
        </h1>
        <ProverbHeader header={header} />
        <p className="mt-12 mb-4 text-sm text-slate-600 dark:text-slate-400">
          {t('count', { count: partners.length })}
        </p>
        <ul className="grid gap-6 sm:grid-cols-2">
          {partners.map((partner) => (
            <li key={partner.slug}>
              <PartnerCard partner={partner} />
            </li>
          ))}
        </ul>
      </main>
      <JsonLd data={partnerListJsonLd(partners, t('heading'))} />
    </>
  );
}
