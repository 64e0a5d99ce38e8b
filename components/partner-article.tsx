import { createFormatter, createTranslator, type Messages } from 'next-intl';
import type { Partner } from '@/lib/content/load';
import { DraftMark } from './draft-badge';
import { PartnerMark } from './partner-mark';
import { Prose } from './prose';

type Props = { partner: Partner; messages: Messages; backHref: string };

/** The host a website link shows; while an editor is still typing the address, what is there. */
function hostOf(website: string) {
  try {
    return new URL(website).host;
  } catch {
    return website;
  }
}

/**
 * A partner's page content, from plain data and the messages of its language: the site renders
 * it (PartnerDetails), and so does the web editor's preview (app/admin/preview.tsx), in the browser.
 */
export function PartnerArticle({ partner, messages, backHref }: Props) {
  const { locale } = partner;
  const t = createTranslator({ locale, messages, namespace: 'PartnerPage' });
  const tType = createTranslator({ locale, messages, namespace: 'PartnerType' });
  const tDraft = createTranslator({ locale, messages, namespace: 'Draft' });
  const format = createFormatter({ locale });
  const facts: [string, React.ReactNode][] = [
    [t('shortName'), partner.shortName],
    [t('type'), tType('label', { type: partner.type })],
  ];
  if (partner.founded) facts.push([t('founded'), partner.founded]);
  if (partner.seat) facts.push([t('seat'), partner.seat]);
  facts.push([
    t('website'),
    <a
      key="website"
      href={partner.website}
      rel="noopener noreferrer"
      className="text-brand-700 underline underline-offset-4 hover:text-brand-900 dark:text-brand-300 dark:hover:text-brand-100"
    >
      {hostOf(partner.website)}
      <span className="sr-only"> {t('opensExternal')}</span>
    </a>,
  ]);
  if (partner.figuresAsOf) facts.push([t('figuresAsOf'), partner.figuresAsOf]);

  return (
    <article>
      <p className="mb-8 print:hidden">
        <a
          className="rounded-sm text-sm font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300"
          href={backHref}
        >
          <span aria-hidden="true">← </span>
          {t('back')}
        </a>
      </p>
      <div className="flex flex-col items-start gap-5 sm:flex-row sm:items-center">
        <PartnerMark shortName={partner.shortName} size="lg" />
        <h1
          lang={partner.nameLang}
          className="text-3xl leading-tight font-bold tracking-tight text-balance sm:text-4xl"
        >
          {partner.name}
        </h1>
        {partner.draft && <DraftMark label={tDraft('label')} badge={tDraft('badge')} />}
      </div>
      <div className="mt-10 grid gap-10 lg:grid-cols-[1fr_18rem]">
        <Prose html={partner.html} className="text-lg" />
        <aside aria-labelledby="facts-heading">
          <h2
            id="facts-heading"
            className="text-sm font-semibold tracking-widest text-slate-600 uppercase dark:text-slate-400"
          >
            {t('details')}
          </h2>
          <dl className="mt-4 space-y-3 rounded-xl bg-slate-50 p-5 dark:bg-slate-900">
            {facts.map(([term, value]) => (
              <div key={term}>
                <dt className="text-sm text-slate-600 dark:text-slate-400">{term}</dt>
                <dd className="font-medium break-words">
                  {typeof value === 'number' ? format.number(value, { useGrouping: false }) : value}
                </dd>
              </div>
            ))}
          </dl>
        </aside>
      </div>
    </article>
  );
}
