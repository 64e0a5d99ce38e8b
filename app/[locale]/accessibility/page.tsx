import type { Metadata } from 'next';
import { AccessibilityStatement } from '@/components/accessibility-statement';
import { PageShell } from '@/components/page-shell';
import { getAccessibilityStatement } from '@/lib/content';
import { resolveLocale } from '@/lib/i18n/locale';
import { localizedPaths } from '@/lib/i18n/paths';

type Props = PageProps<'/[locale]/accessibility'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const statement = await getAccessibilityStatement(await resolveLocale(params));
  return { title: statement.title, description: statement.description };
}

export default async function AccessibilityPage({ params }: Props) {
  const statement = await getAccessibilityStatement(await resolveLocale(params));
  return (
    <PageShell locale={statement.locale} paths={localizedPaths('/accessibility')}>
      <AccessibilityStatement statement={statement} />
    </PageShell>
  );
}
