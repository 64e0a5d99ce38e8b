import type { MetadataRoute } from 'next';
import { getTranslations } from 'next-intl/server';
import { resolveLocale } from '@/lib/i18n/locale';
import { routing } from '@/lib/i18n/routing';
import { readSiteIcon } from '@/lib/site/icon';

export const dynamic = 'force-static';
export const dynamicParams = false;

/**
 * An SVG as the body of a data: URL. Whitespace runs become one space (URL parsers drop newlines
 * and tabs, which could join two numbers); %, #, <, > and " are escaped, the rest stays readable.
 */
function svgDataUrlBody(svg: string): string {
  return svg
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[%#<>"]/g, encodeURIComponent);
}

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

// One manifest per language: Next's app/manifest.ts exists only once, at the root.
export async function GET(
  _request: Request,
  { params }: RouteContext<'/[locale]/manifest.webmanifest'>,
) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Manifest' });
  const tList = await getTranslations({ locale, namespace: 'PartnerList' });
  // The SVG icon travels inside the manifest: a browser checking whether the site is installable
  // (and Lighthouse) then needs no extra request for an icon the page has already loaded once.
  // URL-encoded rather than base64: a fifth shorter.
  const svg = await readSiteIcon();
  const manifest: MetadataRoute.Manifest = {
    id: `/${locale}`,
    name: t('name'),
    short_name: t('shortName'),
    description: tList('metaDescription'),
    lang: locale,
    dir: 'ltr',
    start_url: `/${locale}`,
    scope: '/',
    display: 'minimal-ui',
    background_color: '#ffffff',
    theme_color: '#0d6266',
    icons: [
      { src: `data:image/svg+xml,${svgDataUrlBody(svg)}`, sizes: 'any', type: 'image/svg+xml' },
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
    ],
  };
  return Response.json(manifest, { headers: { 'Content-Type': 'application/manifest+json' } });
}
