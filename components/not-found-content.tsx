import { getTranslations } from 'next-intl/server';
import { LocaleLink } from './locale-link';
import type { Locale } from '@/lib/i18n/routing';

type Props = { locale: Locale; heading?: 'h1' | 'h2' };

export async function NotFoundContent({ locale, heading: Heading = 'h1' }: Props) {
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return (
    <div className="max-w-prose">
      <Heading className="text-3xl font-bold tracking-tight sm:text-4xl">{t('title')}</Heading>
      <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">{t('text')}</p>
      <p className="mt-8">
        <LocaleLink
          href="/"
          locale={locale}
          className="inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          {t('backHome')}
        </LocaleLink>
      </p>
    </div>
  );
}
