import { getImprint } from '@/lib/content/load';
import { routing } from '@/lib/i18n/routing';
import { securityTxt } from '@/lib/site/security-txt';

// Prerendered: the expiry date is set when the site is built.
export const dynamic = 'force-static';

export async function GET() {
  const { securityContact } = await getImprint(routing.defaultLocale);
  return new Response(securityTxt(securityContact), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
