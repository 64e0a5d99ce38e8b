import { getTranslations } from 'next-intl/server';
import { routing, type Locale } from '@/lib/i18n/routing';

type Props = { locale: Locale; paths: Record<Locale, string> };

// Plain links, not next/link: a language change reloads the page with its own <html lang>.
export async function LanguageSwitch({ locale, paths }: Props) {
  const t = await getTranslations({ locale, namespace: 'LanguageSwitch' });
  const others = routing.locales.filter((other) => other !== locale);
  return (
    <nav aria-label={t('label')}>
      <ul className="flex gap-3">
        {others.map((other) => (
          <li key={other}>
            <a
              href={paths[other]}
              hrefLang={other}
              lang={other}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-brand-50 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              {new Intl.DisplayNames(other, { type: 'language' }).of(other)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
