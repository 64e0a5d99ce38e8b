import createMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';

export default createMiddleware(routing);

export const config = {
  // Everything except Next's internals and files with an extension (favicon.ico, robots.txt, …).
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
