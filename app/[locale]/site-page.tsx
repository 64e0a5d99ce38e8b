import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { sitePageHref } from '@/lib/i18n/paths';
import type { Locale, SitePageName } from '@/lib/i18n/routing';
import { pageMetadata } from '@/lib/site/metadata';
import { getListPage } from '@/lib/directory/partner-list';
import { listImageAlt } from './list-page';

type Page = { title: string; description: string };

/** Title, description, canonical, hreflang and the list's social image for a site page. */
export async function sitePageMetadata(
  locale: Locale,
  name: SitePageName,
  { title, description }: Page,
): Promise<Metadata> {
  const [t, list] = await Promise.all([
    getTranslations({ locale, namespace: 'Layout' }),
    getListPage(locale, {}),
  ]);
  return pageMetadata({
    locale,
    href: sitePageHref(name),
    imageHref: '/',
    title,
    description,
    imageAlt: await listImageAlt(locale, list?.shortNames ?? []),
    siteName: t('siteName'),
  });
}
