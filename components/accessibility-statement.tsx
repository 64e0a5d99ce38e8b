import { getTranslations } from 'next-intl/server';
import type { AccessibilityStatement as Statement } from '@/lib/content/load';
import { Prose } from './prose';
import { SitePageArticle } from './site-page-article';

type Props = { statement: Statement };

export async function AccessibilityStatement({ statement }: Props) {
  const { locale } = statement;
  const t = await getTranslations({ locale, namespace: 'AccessibilityStatement' });
  return (
    <SitePageArticle
      locale={locale}
      title={statement.title}
      reviewed={{ date: statement.reviewed, text: (date) => t('reviewed', { date }) }}
    >
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
    </SitePageArticle>
  );
}
