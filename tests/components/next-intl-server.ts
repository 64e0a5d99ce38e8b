import { createTranslator } from 'next-intl';
import de from '@/messages/de.json';
import en from '@/messages/en.json';

const messages = { de, en };

/** next-intl/server's getMessages, from the real messages files. */
export async function getMessages({ locale }: { locale: 'de' | 'en' }) {
  return messages[locale];
}

/** next-intl/server's getTranslations, backed by the real messages (no request context in tests). */
export async function getTranslations({
  locale,
  namespace,
}: {
  locale: 'de' | 'en';
  namespace: string;
}) {
  return createTranslator({ locale, messages: messages[locale], namespace: namespace as never });
}
