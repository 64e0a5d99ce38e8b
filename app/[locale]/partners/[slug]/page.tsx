import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { JsonLd } from '@/components/json-ld';
import { PartnerDetails } from '@/components/partner-details';
import { PageShell } from '@/components/page-shell';
import { getPartner, getPartnerParams } from '@/lib/content/load';
import { resolveLocale } from '@/lib/i18n/locale';
import { localizedPaths, partnerHref } from '@/lib/i18n/paths';
import { pageMetadata } from '@/lib/site/metadata';
import { organizationJsonLd, partnerBreadcrumbJsonLd } from '@/lib/site/structured-data';

export const dynamicParams = false;

export function generateStaticParams() {
  return getPartnerParams();
}

type Props = PageProps<'/[locale]/partners/[slug]'>;

async function load({ params }: Props) {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const partner = await getPartner(locale, slug);
  if (!partner) notFound();
  return partner;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const partner = await load(props);
  const { locale } = partner;
  const [t, tLayout] = await Promise.all([
    getTranslations({ locale, namespace: 'OgImage' }),
    getTranslations({ locale, namespace: 'Layout' }),
  ]);
  return pageMetadata({
    locale,
    href: partnerHref(partner.slug),
    title: `${partner.name} (${partner.shortName})`,
    description: partner.summary,
    imageAlt: t('partnerAlt', { shortName: partner.shortName, name: partner.name }),
    siteName: tLayout('siteName'),
  });
}

export default async function PartnerPage(props: Props) {
  const partner = await load(props);
  const t = await getTranslations({ locale: partner.locale, namespace: 'PartnerList' });
  return (
    <>
      <PageShell locale={partner.locale} paths={localizedPaths(partnerHref(partner.slug))}>
        <PartnerDetails partner={partner} />
      </PageShell>
      <JsonLd data={organizationJsonLd(partner)} />
      <JsonLd data={partnerBreadcrumbJsonLd(partner, t('heading'))} />
    </>
  );
}
