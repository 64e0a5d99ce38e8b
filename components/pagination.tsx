import { getTranslations } from 'next-intl/server';
import { listHref, type PartnerListPage } from '@/lib/directory/partner-list';
import type { Locale } from '@/lib/i18n/routing';
import { LocaleLink } from './locale-link';

type Props = { locale: Locale; list: PartnerListPage };

const link =
  'inline-flex min-w-11 items-center justify-center rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-brand-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** First, last and the pages around the current one; gaps stand for the rest. */
function visiblePages(page: number, pageCount: number): (number | null)[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pageCount])]
    .filter((n) => n >= 1 && n <= pageCount)
    .sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? [null, n] : [n]));
}

export async function Pagination({ locale, list }: Props) {
  const { type, page, pageCount } = list;
  if (pageCount < 2) return null;
  const t = await getTranslations({ locale, namespace: 'Pagination' });
  return (
    <nav aria-label={t('label')} className="mt-10">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <LocaleLink href={listHref(type, page - 1)} locale={locale} rel="prev" className={link}>
              <span aria-hidden="true">←&nbsp;</span>
              {t('previous')}
            </LocaleLink>
          </li>
        )}
        {visiblePages(page, pageCount).map((n, i) => (
          <li key={n ?? `gap-${i}`}>
            {n === null ? (
              <span aria-hidden="true" className="px-1 text-slate-500">
                …
              </span>
            ) : (
              <LocaleLink
                href={listHref(type, n)}
                locale={locale}
                aria-label={t('page', { page: n })}
                aria-current={n === page ? 'page' : undefined}
                className={`${link} aria-[current]:border-brand-700 aria-[current]:bg-brand-700 aria-[current]:text-white`}
              >
                {n}
              </LocaleLink>
            )}
          </li>
        ))}
        {page < pageCount && (
          <li>
            <LocaleLink href={listHref(type, page + 1)} locale={locale} rel="next" className={link}>
              {t('next')}
              <span aria-hidden="true">&nbsp;→</span>
            </LocaleLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
