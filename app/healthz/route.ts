import { getPartners } from '@/lib/content/load';
import { routing } from '@/lib/i18n/routing';

// For the front, deploy/deploy.sh and load balancers: 200 once this process has loaded the
// content, 503 while it cannot. Never cached or indexed, and it tells nothing about internals.
export const dynamic = 'force-dynamic';

const headers = {
  'Content-Type': 'text/plain; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex',
};

export async function GET() {
  try {
    await Promise.all(routing.locales.map((locale) => getPartners(locale)));
    return new Response('ok\n', { headers });
  } catch {
    return new Response('unavailable\n', { status: 503, headers });
  }
}
