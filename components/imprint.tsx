import { getTranslations } from 'next-intl/server';
import type { Imprint as ImprintContent } from '@/lib/content/load';
import { OperatorAddress } from './operator-address';
import { Prose } from './prose';
import { SitePageArticle } from './site-page-article';

type Props = { imprint: ImprintContent };

/** A tel: link when the number has enough digits to dial, else the text as written. */
function PhoneLink({ phone }: { phone: string }) {
  const number = phone.replace(/[^+\d]/g, '');
  return number.replace('+', '').length >= 5 ? <a href={`tel:${number}`}>{phone}</a> : phone;
}

export async function Imprint({ imprint }: Props) {
  const t = await getTranslations({ locale: imprint.locale, namespace: 'Imprint' });
  const { phone, register, vatId } = imprint;
  return (
    <SitePageArticle locale={imprint.locale} title={imprint.title}>
      <div className="prose mt-8 text-lg">
        <h2>{t('provider')}</h2>
        <OperatorAddress operator={imprint} />
        <h2>{t('representedBy')}</h2>
        <p>{imprint.representedBy}</p>
        <h2>{t('contact')}</h2>
        <p>
          {t('email')}: <a href={`mailto:${imprint.email}`}>{imprint.email}</a>
          {phone && (
            <>
              <br />
              {t('phone')}: <PhoneLink phone={phone} />
            </>
          )}
        </p>
        {register && (
          <>
            <h2>{t('register')}</h2>
            <p>{register}</p>
          </>
        )}
        {vatId && (
          <>
            <h2>{t('vatId')}</h2>
            <p>{vatId}</p>
          </>
        )}
        <h2>{t('contentResponsible')}</h2>
        <p>{imprint.contentResponsible}</p>
      </div>
      <Prose html={imprint.html} className="mt-8 text-lg" />
    </SitePageArticle>
  );
}
