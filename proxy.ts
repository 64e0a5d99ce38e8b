import { hasLocale } from 'next-intl';
import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from './lib/i18n/routing';
import { isPublicPath } from './lib/pages';

const handleI18n = createMiddleware(routing);

export default async function proxy(request: NextRequest) {
  const response = handleI18n(request);
  if (response.headers.has('location')) return response;

  // Unknown paths get the prerendered, localized not-found page with status 404. Calling
  // notFound() while rendering would do, but Next 16 then serves an empty <body> that only
  // JavaScript fills in (vercel/next.js#98954).
  const { pathname } = request.nextUrl;
  const locale = pathname.split('/')[1];
  if (hasLocale(routing.locales, locale) && !(await isPublicPath(locale, pathname))) {
    return NextResponse.rewrite(new URL(`/${locale}/page-not-found`, request.url), { status: 404 });
  }
  return response;
}

export const config = {
  // Everything except Next's internals, files with an extension (favicon.ico, robots.txt, …) and
  // the generated social images (/de/partners/vku/opengraph-image), which are no pages.
  matcher: '/((?!api|_next|_vercel|.*\\..*|.*/opengraph-image$).*)',
};
