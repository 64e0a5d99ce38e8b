import type { Metadata } from 'next';
import { PageShell } from '@/components/page-shell';
import { PrivacyNotice } from '@/components/privacy-notice';
import { getImprint, getPrivacyNotice } from '@/lib/content/load';
import { resolveLocale } from '@/lib/i18n/locale';
import { localizedPaths } from '@/lib/i18n/paths';
import { sitePageMetadata } from '../site-page';

type Props = PageProps<'/[locale]/privacy'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await resolveLocale(params);
  return sitePageMetadata(locale, 'privacy', await getPrivacyNotice(locale));
}

export default async function PrivacyPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const [notice, operator] = await Promise.all([getPrivacyNotice(locale), getImprint(locale)]);
  return (
    <PageShell locale={locale} paths={localizedPaths('/privacy')}>
      <PrivacyNotice notice={notice} operator={operator} />
    </PageShell>
  );
}
