import { getTranslations } from 'next-intl/server';
import type { Header } from '@/lib/content';
import type { DirectoryPage } from '@/lib/directory';
import type { Locale } from '@/lib/i18n/routing';
import { Pagination } from './pagination';
import { PartnerCard } from './partner-card';
import { PartnerFilter } from './partner-filter';
import { ProverbHeader } from './proverb-header';

type Props = { locale: Locale; directory: DirectoryPage; header: Header | null };

/** The partner list; type filters and pages appear only once the list is long. */
export async function PartnerDirectory({ locale, directory, header }: Props) {
  const t = await getTranslations({ locale, namespace: 'PartnerList' });
  const tPages = await getTranslations({ locale, namespace: 'Pagination' });
  return (
    <main
      id="main"
      tabIndex={-1}
      className="mx-auto w-full max-w-5xl grow px-4 py-10 sm:px-6 sm:py-14"
    >
      <h1 className="mb-8 text-sm font-semibold tracking-widest text-brand-700 uppercase dark:text-brand-300">
        {t('heading')}
      </h1>
      {header && <ProverbHeader header={header} />}
      {directory.paged && <PartnerFilter locale={locale} directory={directory} />}
      <p className="mt-12 mb-4 text-sm text-slate-600 dark:text-slate-400">
        {t('count', { count: directory.total })}
        {directory.pageCount > 1 && (
          <> · {tPages('status', { page: directory.page, pageCount: directory.pageCount })}</>
        )}
      </p>
      <ul className="grid gap-6 sm:grid-cols-2">
        {directory.partners.map((partner) => (
          <li key={partner.slug}>
            <PartnerCard partner={partner} />
          </li>
        ))}
      </ul>
      <Pagination locale={locale} directory={directory} />
    </main>
  );
}
