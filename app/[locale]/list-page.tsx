import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PartnerList } from '@/components/partner-list';
import { SiteHeader } from '@/components/site-header';
import { getHeader } from '@/lib/content';
import { listHref, getListPage } from '@/lib/partner-list';
import { resolveLocale } from '@/lib/i18n/locale';
import { localizedPaths } from '@/lib/i18n/paths';

// Shared by the four list routes: /, /seite/[page], /typ/[type] and /typ/[type]/seite/[page].
type Params = Promise<{ locale: string; type?: string; page?: string }>;

async function load(params: Params) {
  const locale = await resolveLocale(params);
  const { type, page } = await params;
  const list = await getListPage(locale, { type, page });
  if (!list) notFound();
  return { locale, list };
}

export async function listMetadata(params: Params): Promise<Metadata> {
  const { locale, list } = await load(params);
  const t = await getTranslations({ locale, namespace: 'PartnerList' });
  return {
    title: t('pageTitle', { type: list.type ?? 'all', page: list.page }),
    description: t('metaDescription'),
  };
}

export async function ListRoute({ params }: { params: Params }) {
  const { locale, list } = await load(params);
  const first = list.type === null && list.page === 1;
  const header = first ? await getHeader(locale) : null;
  return (
    <>
      <SiteHeader locale={locale} paths={localizedPaths(listHref(list.type, list.page))} />
      <PartnerList locale={locale} list={list} header={header} />
    </>
  );
}
