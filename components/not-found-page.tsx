import type { Locale } from '@/lib/i18n/routing';
import { localizedPaths } from '@/lib/i18n/paths';
import { NotFoundContent } from './not-found-content';
import { SiteHeader } from './site-header';

type Props = { locale: Locale };

export function NotFoundPage({ locale }: Props) {
  return (
    <>
      <SiteHeader locale={locale} paths={localizedPaths('/')} />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl grow px-4 py-10 sm:px-6 sm:py-14"
      >
        <NotFoundContent locale={locale} />
      </main>
    </>
  );
}
