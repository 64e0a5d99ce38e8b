import { getTranslations } from 'next-intl/server';
import { partnerTypes, type PartnerType } from '@/lib/content/schema';
import { listHref, type PartnerListPage } from '@/lib/directory/partner-list';
import type { Locale } from '@/lib/i18n/routing';
import { LocaleLink } from './locale-link';

type Props = { locale: Locale; list: PartnerListPage };

export async function PartnerFilter({ locale, list }: Props) {
  const t = await getTranslations({ locale, namespace: 'PartnerFilter' });
  const options: [PartnerType | null, string, number][] = [
    [null, t('all'), list.counts.all],
    ...partnerTypes.map((type): [PartnerType, string, number] => [
      type,
      t('type', { type }),
      list.counts[type],
    ]),
  ];
  return (
    <nav aria-label={t('label')} className="mt-12">
      <ul className="flex flex-wrap gap-2">
        {options.map(([type, label, count]) => (
          <li key={type ?? 'all'}>
            <LocaleLink
              href={listHref(type, 1)}
              locale={locale}
              aria-current={type === list.type ? 'page' : undefined}
              className="inline-block rounded-full border border-slate-300 px-4 py-1.5 text-sm font-medium hover:bg-brand-50 aria-[current]:border-brand-700 aria-[current]:bg-brand-700 aria-[current]:text-white dark:border-slate-600 dark:hover:bg-slate-800"
            >
              {label} <span className="opacity-70">{count}</span>
            </LocaleLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
