import { finishLogin } from '@/lib/cms/oauth';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return finishLogin(request);
}
