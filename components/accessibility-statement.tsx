import { getFormatter, getTranslations } from 'next-intl/server';
import type { AccessibilityStatement as Statement } from '@/lib/content';
import { Prose } from './prose';

type Props = { statement: Statement };

export async function AccessibilityStatement({ statement }: Props) {
  const { locale } = statement;
  const t = await getTranslations({ locale, namespace: 'AccessibilityStatement' });
  const format = await getFormatter({ locale });
  const reviewed = format.dateTime(new Date(statement.reviewed), {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  return (
    <article className="max-w-prose">
      <h1 className="text-3xl leading-tight font-bold tracking-tight text-balance sm:text-4xl">
        {statement.title}
      </h1>
      <Prose html={statement.html} className="mt-8 text-lg" />
      <section aria-labelledby="contact-heading" className="prose mt-10 text-lg">
        <h2 id="contact-heading">{t('contactHeading')}</h2>
        <p>{t('contactText')}</p>
        <address className="not-italic">
          {statement.contactName}
          <br />
          <a href={`mailto:${statement.contactEmail}`}>{statement.contactEmail}</a>
        </address>
      </section>
      <p className="mt-10 text-slate-600 dark:text-slate-400">
        {t('reviewed', { date: reviewed })}
      </p>
    </article>
  );
}
