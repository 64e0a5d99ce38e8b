import type { Metadata } from 'next';
import { AccessibilityStatement } from '@/components/accessibility-statement';
import { PageShell } from '@/components/page-shell';
import { getAccessibilityStatement } from '@/lib/content/load';
import { resolveLocale } from '@/lib/i18n/locale';
import { localizedPaths } from '@/lib/i18n/paths';
import { sitePageMetadata } from '../site-page';

type Props = PageProps<'/[locale]/accessibility'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  return sitePageMetadata(locale, 'accessibility', await getAccessibilityStatement(locale));
}

export default async function AccessibilityPage({ params }: Props) {
  const statement = await getAccessibilityStatement(await resolveLocale(params));
  return (
    <PageShell locale={statement.locale} paths={localizedPaths('/accessibility')}>
      <AccessibilityStatement statement={statement} />
    </PageShell>
  );
}
