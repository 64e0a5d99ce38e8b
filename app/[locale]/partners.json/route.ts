import { getDirectory } from '@/lib/directory/partners-json';
import { resolveLocale } from '@/lib/i18n/locale';
import { routing } from '@/lib/i18n/routing';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/partners.json'>) {
  const directory = await getDirectory(await resolveLocale(params));
  // Other sites (the Connective Cities main site, the partners) may fetch it from the browser.
  return Response.json(directory, { headers: { 'Access-Control-Allow-Origin': '*' } });
}
