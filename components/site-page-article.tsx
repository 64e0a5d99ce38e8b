import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/routing';
import { ogLocales } from '@/lib/site/origin';

type Props = {
  locale: Locale;
  title: string;
  /** The date the text was last reviewed (YYYY-MM-DD) and the sentence that states it. */
  reviewed?: { date: string; text: (date: string) => string };
  children: ReactNode;
};

/** The frame of the site's own pages: accessibility statement, imprint, privacy notice. */
export function SitePageArticle({ locale, title, reviewed, children }: Props) {
  // The site's regional forms (de-DE, en-GB: "26 November 2026"), not plain en's US order.
  const format = new Intl.DateTimeFormat(ogLocales[locale].replace('_', '-'), {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  return (
    <article className="max-w-prose">
      <h1 className="text-3xl leading-tight font-bold tracking-tight text-balance break-words hyphens-auto sm:text-4xl">
        {title}
      </h1>
      {children}
      {reviewed && (
        <p className="mt-10 text-slate-600 dark:text-slate-400">
          {reviewed.text(format.format(new Date(reviewed.date)))}
        </p>
      )}
    </article>
  );
}
