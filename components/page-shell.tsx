import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/routing';
import { SiteHeader } from './site-header';

type Props = { locale: Locale; paths: Record<Locale, string>; children: ReactNode };

/** The header with the language switch (to `paths`) and the page's main landmark. */
export function PageShell({ locale, paths, children }: Props) {
  return (
    <>
      <SiteHeader locale={locale} paths={paths} />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl grow px-4 py-10 sm:px-6 sm:py-14"
      >
        {children}
      </main>
    </>
  );
}
