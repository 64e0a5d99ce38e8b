import { getListParams } from '@/lib/directory/partner-list';
import { ListRoute, listMetadata } from '../../list-page';

export const dynamicParams = false;

export async function generateStaticParams() {
  return getListParams('/page/[page]');
}

type Props = PageProps<'/[locale]/page/[page]'>;

export async function generateMetadata({ params }: Props) {
  return listMetadata(params);
}

export default async function PartnerListPageN({ params }: Props) {
  return <ListRoute params={params} />;
}
