import { getDirectoryParams } from '@/lib/directory';
import { DirectoryPage, directoryMetadata } from '../../directory-page';

export const dynamicParams = false;

export async function generateStaticParams() {
  return getDirectoryParams('/type/[type]');
}

type Props = PageProps<'/[locale]/type/[type]'>;

export async function generateMetadata({ params }: Props) {
  return directoryMetadata(params);
}

export default async function PartnerTypePage({ params }: Props) {
  return <DirectoryPage params={params} />;
}
