import type { Metadata } from 'next';
import { AccessibilityStatement } from '@/components/accessibility-statement';
import { SiteHeader } from '@/components/site-header';
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
    <>
      <SiteHeader locale={statement.locale} paths={localizedPaths('/accessibility')} />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl grow px-4 py-10 sm:px-6 sm:py-14"
      >
        <AccessibilityStatement statement={statement} />
      </main>
    </>
  );
}
