import { getTranslations } from 'next-intl/server';
import type { Imprint, PrivacyNotice as Notice } from '@/lib/content/load';
import { OperatorAddress } from './operator-address';
import { Prose } from './prose';
import { SitePageArticle } from './site-page-article';

type Props = { notice: Notice; operator: Imprint };

/** The privacy notice: who is responsible (from the imprint), the text, and where to complain. */
export async function PrivacyNotice({ notice, operator }: Props) {
  const t = await getTranslations({ locale: notice.locale, namespace: 'PrivacyNotice' });
  return (
    <SitePageArticle
      locale={notice.locale}
      title={notice.title}
      reviewed={{ date: notice.reviewed, text: (date) => t('reviewed', { date }) }}
    >
      <p className="mt-6 text-xl leading-8 text-pretty text-slate-700 dark:text-slate-300">
        {notice.description}
      </p>
      <div className="prose mt-8 text-lg">
        <h2>{t('controllerHeading')}</h2>
        <p>{t('controllerText')}</p>
        <OperatorAddress operator={operator} email />
        <h2>{t('dataProtectionHeading')}</h2>
        <p>{t('dataProtectionText')}</p>
        <address className="not-italic">
          {operator.dataProtectionContact}
          <br />
          <a href={`mailto:${operator.dataProtectionEmail}`}>{operator.dataProtectionEmail}</a>
        </address>
      </div>
      <Prose html={notice.html} className="mt-8 text-lg" />
      <div className="prose mt-8 text-lg">
        <h2>{t('complaintHeading')}</h2>
        <p>{t('complaintText')}</p>
        <p>
          <a href={operator.supervisoryAuthorityUrl}>{operator.supervisoryAuthority}</a>
        </p>
      </div>
    </SitePageArticle>
  );
}
