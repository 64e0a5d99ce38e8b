import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { PartnerDirectory } from '@/components/partner-directory';
import { SiteHeader } from '@/components/site-header';
import { getHeader } from '@/lib/content';
import { directoryHref, getDirectoryPage } from '@/lib/directory';
import { resolveLocale } from '@/lib/i18n/locale';
import { localizedPaths } from '@/lib/i18n/paths';

// Shared by the four list routes: /, /seite/[page], /typ/[type] and /typ/[type]/seite/[page].
type Params = Promise<{ locale: string; type?: string; page?: string }>;

async function load(params: Params) {
  const locale = await resolveLocale(params);
  const { type, page } = await params;
  const directory = await getDirectoryPage(locale, { type, page });
  if (!directory) notFound();
  return { locale, directory };
}

export async function directoryMetadata(params: Params): Promise<Metadata> {
  const { locale, directory } = await load(params);
  const t = await getTranslations({ locale, namespace: 'PartnerList' });
  return {
    title: t('pageTitle', { type: directory.type ?? 'all', page: directory.page }),
    description: t('metaDescription'),
  };
}

export async function DirectoryPage({ params }: { params: Params }) {
  const { locale, directory } = await load(params);
  const first = directory.type === null && directory.page === 1;
  const header = first ? await getHeader(locale) : null;
  return (
    <>
      <SiteHeader
        locale={locale}
        paths={localizedPaths(directoryHref(directory.type, directory.page))}
      />
      <PartnerDirectory locale={locale} directory={directory} header={header} />
    </>
  );
}
