import { getTranslations } from 'next-intl/server';
import { LocaleLink } from './locale-link';
import type { Locale } from '@/lib/i18n/routing';
import { LanguageSwitch } from './language-switch';

type Props = { locale: Locale; paths: Record<Locale, string> };

export async function SiteHeader({ locale, paths }: Props) {
  const t = await getTranslations({ locale, namespace: 'Layout' });
  return (
    <header className="border-b border-slate-200 dark:border-slate-800 print:hidden">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-4 sm:px-6">
        <LocaleLink href="/" locale={locale} className="group flex items-baseline gap-2 rounded-sm">
          <span className="text-lg font-bold tracking-tight text-brand-800 dark:text-brand-200">
            {t('siteName')}
          </span>
          <span className="text-sm text-slate-600 group-hover:underline dark:text-slate-400">
            {t('siteTagline')}
          </span>
        </LocaleLink>
        <LanguageSwitch locale={locale} paths={paths} />
      </div>
    </header>
  );
}
