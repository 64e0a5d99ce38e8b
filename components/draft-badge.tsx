import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';

type Props = { locale: Locale };

/** Marks a draft partner; drafts only exist outside production builds. */
export async function DraftBadge({ locale }: Props) {
  const t = await getTranslations({ locale, namespace: 'Draft' });
  return <DraftMark label={t('label')} badge={t('badge')} />;
}

type MarkProps = { label: string; badge: string };

/** The badge itself, for callers that already have its texts (the editor's preview). */
export function DraftMark({ label, badge }: MarkProps) {
  return (
    <span
      title={label}
      className="rounded-full border-2 border-dashed border-amber-600 px-3 py-0.5 text-xs font-semibold tracking-wide text-amber-800 uppercase dark:border-amber-400 dark:text-amber-200"
    >
      {badge}
    </span>
  );
}
