import { hasLocale, type Messages } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { routing, type Locale } from './routing';

// Typed as Messages so that a key missing in either file fails the type check.
const messages: Record<Locale, Messages> = { de, en };

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return { locale, messages: messages[locale] };
});
