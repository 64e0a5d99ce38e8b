import { getTranslations } from 'next-intl/server';
import type { PartnerSummary } from '@/lib/directory/partner-list';
import { DraftBadge } from './draft-badge';
import { LocaleLink } from './locale-link';
import { PartnerMark } from './partner-mark';

type Props = { partner: PartnerSummary };

export async function PartnerCard({ partner }: Props) {
  const t = await getTranslations({ locale: partner.locale, namespace: 'PartnerCard' });
  const tType = await getTranslations({ locale: partner.locale, namespace: 'PartnerType' });
  return (
    <article className="card-shadow relative flex h-full flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:p-6 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex items-start justify-between gap-4">
        <PartnerMark shortName={partner.shortName} />
        <div className="flex flex-wrap justify-end gap-2">
          {partner.draft && <DraftBadge locale={partner.locale} />}
          <p className="rounded-full bg-slate-100 px-3 py-1 text-xs font-medium tracking-wide text-slate-700 uppercase dark:bg-slate-800 dark:text-slate-300">
            {tType('label', { type: partner.type })}
          </p>
        </div>
      </div>
      <h2 className="text-xl leading-tight font-semibold text-slate-900 dark:text-slate-50">
        <LocaleLink
          href={{ pathname: '/partners/[slug]', params: { slug: partner.slug } }}
          locale={partner.locale}
          lang={partner.nameLang}
          className="rounded-sm underline-offset-4 hover:underline"
        >
          {partner.name}
        </LocaleLink>
      </h2>
      <p className="grow text-slate-700 dark:text-slate-300">{partner.summary}</p>
      <p>
        <a
          href={partner.website}
          rel="noopener noreferrer"
          className="inline-block rounded-sm py-1 text-sm font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900 dark:text-brand-300 dark:hover:text-brand-100"
        >
          {t('website', { name: partner.shortName })}
        </a>
      </p>
    </article>
  );
}
