import type { ReactNode } from 'react';
import { getFormatter } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';

type Props = {
  locale: Locale;
  title: string;
  /** The date the text was last reviewed (YYYY-MM-DD) and the sentence that states it. */
  reviewed?: { date: string; text: (date: string) => string };
  children: ReactNode;
};

/** The frame of the site's own pages: accessibility statement, imprint, privacy notice. */
export async function SitePageArticle({ locale, title, reviewed, children }: Props) {
  const format = await getFormatter({ locale });
  return (
    <article className="max-w-prose">
      <h1 className="text-3xl leading-tight font-bold tracking-tight text-balance break-words hyphens-auto sm:text-4xl">
        {title}
      </h1>
      {children}
      {reviewed && (
        <p className="mt-10 text-slate-600 dark:text-slate-400">
          {reviewed.text(
            format.dateTime(new Date(reviewed.date), { dateStyle: 'long', timeZone: 'UTC' }),
          )}
        </p>
      )}
    </article>
  );
}
