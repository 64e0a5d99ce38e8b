import { getLocale } from 'next-intl/server';
import { NotFoundPage } from '@/components/not-found-page';

// Only reached when something calls notFound(); unknown paths are handled in proxy.ts.
export default async function LocaleNotFound() {
  return <NotFoundPage locale={await getLocale()} />;
}
