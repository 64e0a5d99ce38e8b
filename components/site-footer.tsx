import { getTranslations } from 'next-intl/server';
import { sitePageHref } from '@/lib/i18n/paths';
import { type Locale, sitePageNames } from '@/lib/i18n/routing';
import { LocaleLink } from './locale-link';

type Props = { locale: Locale };

export async function SiteFooter({ locale }: Props) {
  const t = await getTranslations({ locale, namespace: 'Layout' });
  return (
    <footer className="mt-16 border-t border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900 print:hidden">
      <div className="mx-auto max-w-5xl px-4 py-8 text-sm leading-relaxed text-slate-700 sm:px-6 dark:text-slate-300">
        <p className="font-semibold text-slate-900 dark:text-slate-100">{t('siteName')}</p>
        <p className="mt-2 max-w-prose">
          {t.rich('footerAbout', { de: (chunks) => <span lang="de">{chunks}</span> })}
        </p>
        <nav aria-label={t('sitePagesLabel')} className="mt-4">
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {sitePageNames.map((name) => (
              <li key={name}>
                <LocaleLink
                  href={sitePageHref(name)}
                  locale={locale}
                  className="rounded-sm font-medium text-brand-800 underline underline-offset-4 hover:text-brand-950 dark:text-brand-200 dark:hover:text-white"
                >
                  {t('sitePageLink', { page: name })}
                </LocaleLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
