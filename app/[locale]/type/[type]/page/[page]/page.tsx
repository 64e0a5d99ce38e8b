import { getDirectoryParams } from '@/lib/directory';
import { DirectoryPage, directoryMetadata } from '../../../../directory-page';

export const dynamicParams = false;

export async function generateStaticParams() {
  return getDirectoryParams('/type/[type]/page/[page]');
}

type Props = PageProps<'/[locale]/type/[type]/page/[page]'>;

export async function generateMetadata({ params }: Props) {
  return directoryMetadata(params);
}

export default async function PartnerTypePageN({ params }: Props) {
  return <DirectoryPage params={params} />;
}
