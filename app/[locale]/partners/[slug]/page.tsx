import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PartnerDetails } from '@/components/partner-details';
import { SiteHeader } from '@/components/site-header';
import { getPartner, getPartners } from '@/lib/content';
import { resolveLocale } from '@/lib/i18n/locale';
import { localizedPaths } from '@/lib/i18n/paths';
import { routing } from '@/lib/i18n/routing';

export const dynamicParams = false;

export async function generateStaticParams() {
  const all = await Promise.all(
    routing.locales.map(async (locale) =>
      (await getPartners(locale)).map((partner) => ({ locale, slug: partner.slug })),
    ),
  );
  return all.flat();
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
  return { title: `${partner.name} (${partner.shortName})`, description: partner.summary };
}

export default async function PartnerPage(props: Props) {
  const partner = await load(props);
  const href = { pathname: '/partners/[slug]', params: { slug: partner.slug } } as const;
  return (
    <>
      <SiteHeader locale={partner.locale} paths={localizedPaths(href)} />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl grow px-4 py-10 sm:px-6 sm:py-14"
      >
        <PartnerDetails partner={partner} />
      </main>
    </>
  );
}
