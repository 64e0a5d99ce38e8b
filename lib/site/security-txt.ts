import { routing } from '../i18n/routing';
import { absoluteUrl } from './origin';

/** RFC 9116 recommends an expiry less than a year ahead; each build sets it anew. */
export const securityTxtLifetimeDays = 364;

/** /.well-known/security.txt (RFC 9116) for the security contact from the imprint. */
export function securityTxt(contact: string, now: Date = new Date()): string {
  const expires = new Date(now.getTime() + securityTxtLifetimeDays * 86_400_000);
  expires.setUTCHours(0, 0, 0, 0);
  return [
    `Contact: mailto:${contact}`,
    `Expires: ${expires.toISOString()}`,
    `Preferred-Languages: ${routing.locales.join(', ')}`,
    `Canonical: ${absoluteUrl('/.well-known/security.txt')}`,
    '',
  ].join('\n');
}
