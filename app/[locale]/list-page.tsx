import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/json-ld';
import { PartnerList } from '@/components/partner-list';
import { PageShell } from '@/components/page-shell';
import { getHeader } from '@/lib/content/load';
import { resolveLocale } from '@/lib/i18n/locale';
import type { Locale } from '@/lib/i18n/routing';
import { localizedPaths } from '@/lib/i18n/paths';
import { pageMetadata } from '@/lib/site/metadata';
import { getListPage, listHref } from '@/lib/directory/partner-list';
import { partnerListJsonLd } from '@/lib/site/structured-data';

// Shared by the four list routes: /, /seite/[page], /typ/[type] and /typ/[type]/seite/[page].
type Params = Promise<{ locale: string; type?: string; page?: string }>;

async function load(params: Params) {
  const locale = await resolveLocale(params);
  const { type, page } = await params;
  const list = await getListPage(locale, { type, page });
  if (!list) notFound();
  return { locale, list };
}

/** The alt text of the list's social image, which the list pages and the site's own pages share. */
export async function listImageAlt(locale: Locale, shortNames: string[]): Promise<string> {
  const [t, format] = await Promise.all([
    getTranslations({ locale, namespace: 'OgImage' }),
    getFormatter({ locale }),
  ]);
  // The shared image shows up to six marks, or five and "+N": its alt text says the same.
  const marks =
    shortNames.length > 6 ? [...shortNames.slice(0, 5), `+${shortNames.length - 5}`] : shortNames;
  return t('listAlt', { names: format.list(marks) });
}

export async function listMetadata(params: Params): Promise<Metadata> {
  const { locale, list } = await load(params);
  const [t, tLayout, imageAlt] = await Promise.all([
    getTranslations({ locale, namespace: 'PartnerList' }),
    getTranslations({ locale, namespace: 'Layout' }),
    listImageAlt(locale, list.shortNames),
  ]);
  return pageMetadata({
    locale,
    href: listHref(list.type, list.page),
    imageHref: '/',
    title: t('pageTitle', { type: list.type ?? 'all', page: list.page }),
    description: t('metaDescription'),
    imageAlt,
    siteName: tLayout('siteName'),
  });
}

export async function ListRoute({ params }: { params: Params }) {
  const { locale, list } = await load(params);
  const first = list.type === null && list.page === 1;
  const [header, t] = await Promise.all([
    first ? getHeader(locale) : null,
    getTranslations({ locale, namespace: 'PartnerList' }),
  ]);
  return (
    <>
      <PageShell locale={locale} paths={localizedPaths(listHref(list.type, list.page))}>
        <PartnerList locale={locale} list={list} header={header} />
      </PageShell>
      <JsonLd data={partnerListJsonLd(list.partners, t('heading'))} />
    </>
  );
}
