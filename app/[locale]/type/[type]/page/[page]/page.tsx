import { getListParams } from '@/lib/directory/partner-list';
import { ListRoute, listMetadata } from '../../../../list-page';

export const dynamicParams = false;

export async function generateStaticParams() {
  return getListParams('/type/[type]/page/[page]');
}

type Props = PageProps<'/[locale]/type/[type]/page/[page]'>;

export async function generateMetadata({ params }: Props) {
  return listMetadata(params);
}

export default async function PartnerTypePageN({ params }: Props) {
  return <ListRoute params={params} />;
}
