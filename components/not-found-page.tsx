import type { Locale } from '@/lib/i18n/routing';
import { localizedPaths } from '@/lib/i18n/paths';
import { NotFoundContent } from './not-found-content';
import { PageShell } from './page-shell';

type Props = { locale: Locale };

export function NotFoundPage({ locale }: Props) {
  return (
    <PageShell locale={locale} paths={localizedPaths('/')}>
      <NotFoundContent locale={locale} />
    </PageShell>
  );
}
