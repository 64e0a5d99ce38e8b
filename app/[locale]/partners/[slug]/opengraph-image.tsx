import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OgCard } from '@/components/og-card';
import { getPartner } from '@/lib/content/load';
import { resolveLocale } from '@/lib/i18n/locale';
import { ogImageResponse, ogImageSize } from '@/lib/site/og-image';

// The alt text is set with the image's URL in the page's metadata (lib/site/metadata.ts): an `alt`
// export here could not depend on the language.
// Rendered on first request, then cached: prerendering one image per partner and language
// doubled the build time of a large directory.
export const dynamicParams = true;

export function generateStaticParams() {
  return [];
}

export const size = ogImageSize;
export const contentType = 'image/png';

type Props = { params: Promise<{ locale: string; slug: string }> };

export default async function Image({ params }: Props) {
  const locale = await resolveLocale(params);
  const partner = await getPartner(locale, (await params).slug);
  if (!partner) notFound();
  const t = await getTranslations({ locale, namespace: 'Layout' });
  return ogImageResponse((icon) => (
    <OgCard
      icon={icon}
      siteName={t('siteName')}
      tagline={t('siteTagline')}
      title={partner.name}
      marks={[partner.shortName]}
    />
  ));
}
