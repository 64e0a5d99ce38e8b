import { getTranslations } from 'next-intl/server';
import { OgCard } from '@/components/og-card';
import { getPartners } from '@/lib/content/load';
import { resolveLocale } from '@/lib/i18n/locale';
import { ogImageResponse, ogImageSize } from '@/lib/site/og-image';

import { routing } from '@/lib/i18n/routing';

// Route handlers do not inherit the layout's params; the alt text comes with the page's metadata.
export const dynamicParams = false;

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export const size = ogImageSize;
export const contentType = 'image/png';

type Props = { params: Promise<{ locale: string }> };

export default async function Image({ params }: Props) {
  const locale = await resolveLocale(params);
  const [partners, t, tList] = await Promise.all([
    getPartners(locale),
    getTranslations({ locale, namespace: 'Layout' }),
    getTranslations({ locale, namespace: 'PartnerList' }),
  ]);
  const shortNames = partners.map((p) => p.shortName);
  return ogImageResponse((icon) => (
    <OgCard
      icon={icon}
      siteName={t('siteName')}
      tagline={t('siteTagline')}
      title={tList('heading')}
      marks={
        shortNames.length > 6
          ? [...shortNames.slice(0, 5), `+${shortNames.length - 5}`]
          : shortNames
      }
    />
  ));
}
