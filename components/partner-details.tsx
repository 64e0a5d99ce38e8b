import { getMessages } from 'next-intl/server';
import type { Partner } from '@/lib/content/load';
import { getPathname } from '@/lib/i18n/navigation';
import { PartnerArticle } from './partner-article';

type Props = { partner: Partner };

export async function PartnerDetails({ partner }: Props) {
  const messages = await getMessages({ locale: partner.locale });
  const backHref = getPathname({ locale: partner.locale, href: '/' });
  return <PartnerArticle partner={partner} messages={messages} backHref={backHref} />;
}
