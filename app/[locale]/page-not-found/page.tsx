import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotFoundPage } from '@/components/not-found-page';
import { resolveLocale } from '@/lib/i18n/locale';

// Served by proxy.ts, with status 404, for every unknown path inside a locale.
export async function generateMetadata({
  params,
}: PageProps<'/[locale]/page-not-found'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return { title: t('title'), description: t('text'), robots: { index: false } };
}

export default async function PageNotFound({ params }: PageProps<'/[locale]/page-not-found'>) {
  return <NotFoundPage locale={await resolveLocale(params)} />;
}
