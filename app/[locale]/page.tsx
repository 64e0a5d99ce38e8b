import { ListRoute, listMetadata } from './list-page';

export async function generateMetadata({ params }: PageProps<'/[locale]'>) {
  return listMetadata(params);
}

export default async function PartnerListPage({ params }: PageProps<'/[locale]'>) {
  return <ListRoute params={params} />;
}
