import { getListParams } from '@/lib/directory/partner-list';
import { ListRoute, listMetadata } from '../../list-page';

export const dynamicParams = false;

export async function generateStaticParams() {
  return getListParams('/type/[type]');
}

type Props = PageProps<'/[locale]/type/[type]'>;

export async function generateMetadata({ params }: Props) {
  return listMetadata(params);
}

export default async function PartnerTypePage({ params }: Props) {
  return <ListRoute params={params} />;
}
