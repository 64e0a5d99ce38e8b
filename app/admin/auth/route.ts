import { startLogin } from '@/lib/cms/oauth';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return startLogin(request);
}
