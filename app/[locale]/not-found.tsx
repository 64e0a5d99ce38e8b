import { getLocale, getTranslations } from 'next-intl/server';
import { NotFoundContent } from '@/components/not-found-content';
import { SiteHeader } from '@/components/site-header';
import { localizedPaths } from '@/lib/i18n/paths';

export async function generateMetadata() {
  const t = await getTranslations({ locale: await getLocale(), namespace: 'NotFound' });
  return { title: t('title'), robots: { index: false } };
}

export default async function LocaleNotFound() {
  const locale = await getLocale();
  return (
    <>
      <SiteHeader locale={locale} paths={localizedPaths('/')} />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl grow px-4 py-10 sm:px-6 sm:py-14"
      >
        <NotFoundContent locale={locale} />
      </main>
    </>
  );
}
