import { DirectoryPage, directoryMetadata } from './directory-page';

export async function generateMetadata({ params }: PageProps<'/[locale]'>) {
  return directoryMetadata(params);
}

export default async function PartnerListPage({ params }: PageProps<'/[locale]'>) {
  return <DirectoryPage params={params} />;
}
