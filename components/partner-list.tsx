import { getTranslations } from 'next-intl/server';
import type { Header } from '@/lib/content/load';
import type { PartnerListPage } from '@/lib/directory/partner-list';
import type { Locale } from '@/lib/i18n/routing';
import { Pagination } from './pagination';
import { PartnerCard } from './partner-card';
import { PartnerFilter } from './partner-filter';
import { ProverbHeader } from './proverb-header';

type Props = { locale: Locale; list: PartnerListPage; header: Header | null };

/** The partner list; type filters and pages appear only once the list is long. */
export async function PartnerList({ locale, list, header }: Props) {
  const t = await getTranslations({ locale, namespace: 'PartnerList' });
  const tPages = await getTranslations({ locale, namespace: 'Pagination' });
  return (
    <>
      <h1 className="mb-8 text-sm font-semibold tracking-widest text-brand-700 uppercase dark:text-brand-300">
        {t('heading')}
      </h1>
      {header && <ProverbHeader header={header} />}
      {list.paged && <PartnerFilter locale={locale} list={list} />}
      <p className="mt-12 mb-4 text-sm text-slate-600 dark:text-slate-400">
        {t('count', { count: list.total })}
        {list.pageCount > 1 && (
          <> · {tPages('status', { page: list.page, pageCount: list.pageCount })}</>
        )}
      </p>
      <ul className="grid gap-6 sm:grid-cols-2">
        {list.partners.map((partner) => (
          <li key={partner.slug}>
            <PartnerCard partner={partner} />
          </li>
        ))}
      </ul>
      <Pagination locale={locale} list={list} />
    </>
  );
}
