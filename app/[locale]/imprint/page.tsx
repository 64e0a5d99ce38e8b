import type { Metadata } from 'next';
import { Imprint } from '@/components/imprint';
import { PageShell } from '@/components/page-shell';
import { getImprint } from '@/lib/content/load';
import { resolveLocale } from '@/lib/i18n/locale';
import { localizedPaths } from '@/lib/i18n/paths';
import { sitePageMetadata } from '../site-page';

type Props = PageProps<'/[locale]/imprint'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  return sitePageMetadata(locale, 'imprint', await getImprint(locale));
}

export default async function ImprintPage({ params }: Props) {
  const imprint = await getImprint(await resolveLocale(params));
  return (
    <PageShell locale={imprint.locale} paths={localizedPaths('/imprint')}>
      <Imprint imprint={imprint} />
    </PageShell>
  );
}
