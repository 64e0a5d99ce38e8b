import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/routing';
import { mainClassName } from './page-classes';
import { SiteHeader } from './site-header';

type Props = { locale: Locale; paths: Record<Locale, string>; children: ReactNode };

/** The header with the language switch (to `paths`) and the page's main landmark. */
export function PageShell({ locale, paths, children }: Props) {
  return (
    <>
      <SiteHeader locale={locale} paths={paths} />
      <main id="main" tabIndex={-1} className={mainClassName}>
        {children}
      </main>
    </>
  );
}
