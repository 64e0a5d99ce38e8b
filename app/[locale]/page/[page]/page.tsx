import { getDirectoryParams } from '@/lib/directory';
import { DirectoryPage, directoryMetadata } from '../../directory-page';

export const dynamicParams = false;

export async function generateStaticParams() {
  return getDirectoryParams('/page/[page]');
}

type Props = PageProps<'/[locale]/page/[page]'>;

export async function generateMetadata({ params }: Props) {
  return directoryMetadata(params);
}

export default async function PartnerListPageN({ params }: Props) {
  return <DirectoryPage params={params} />;
}
