import { hasLocale } from 'next-intl';
import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from './lib/i18n/routing';
import { isPublicPath } from './lib/directory/pages';
import { allowedMethods, isMalformedPath } from './lib/http/request-guard';
import { adminCacheControl, adminHeaders, adminPrefix } from './lib/cms/headers';
import {
  notFoundCacheControl,
  pageCacheControl,
  securityHeaders,
} from './lib/http/security-headers';

const handleI18n = createMiddleware(routing);

// Written into the build (next.config.ts `env`): the origin the editor's login hands tokens to.
const builtSiteUrl = process.env.SITE_URL;

/**
 * The editor works on the site's own origin only (elsewhere its login never completes): the
 * front names the host a request for /admin came to (X-CC-Host, deploy/nginx.conf), and any other
 * host is sent to the same path on SITE_URL.
 */
function editorElsewhere(request: NextRequest): NextResponse | undefined {
  const host = request.headers.get('x-cc-host');
  if (!host || !builtSiteUrl) return undefined;
  const site = new URL(builtSiteUrl);
  if (host.toLowerCase() === site.hostname) return undefined;
  const { pathname, search } = request.nextUrl;
  const redirect = NextResponse.redirect(new URL(pathname + search, site), 308);
  return withHeaders(redirect, { 'Cache-Control': 'no-store' }, adminHeaders);
}

function withHeaders(
  response: NextResponse,
  headers: Record<string, string>,
  base: Record<string, string> = securityHeaders,
) {
  for (const [name, value] of Object.entries({ ...base, ...headers })) {
    response.headers.set(name, value);
  }
  return response;
}

function reject(status: 400 | 405) {
  const text = status === 400 ? 'Bad Request\n' : 'Method Not Allowed\n';
  return withHeaders(new NextResponse(text, { status }), {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...(status === 405 && { Allow: allowedMethods.join(', ') }),
  });
}

export default async function proxy(request: NextRequest) {
  if (!(allowedMethods as readonly string[]).includes(request.method)) return reject(405);
  const { pathname, search } = request.nextUrl;
  const locale = pathname.split('/')[1];
  if (isMalformedPath(pathname)) {
    // Below a locale, visitors get the localized not-found page, with status 400.
    if (!hasLocale(routing.locales, locale)) return reject(400);
    const page = NextResponse.rewrite(new URL(`/${locale}/page-not-found`, request.url), {
      status: 400,
    });
    return withHeaders(page, { 'Cache-Control': 'no-store' });
  }
  // The web editor: its page is public/admin/index.html, its headers those of the editor.
  if (pathname === adminPrefix || pathname.startsWith(`${adminPrefix}/`)) {
    const elsewhere = editorElsewhere(request);
    if (elsewhere) return elsewhere;
  }
  if (pathname === adminPrefix) {
    const redirect = NextResponse.redirect(new URL(`${adminPrefix}/`, request.url), 308);
    return withHeaders(redirect, { 'Cache-Control': adminCacheControl }, adminHeaders);
  }
  if (pathname === `${adminPrefix}/`) {
    return NextResponse.rewrite(new URL(`${adminPrefix}/index.html`, request.url));
  }
  if (pathname.startsWith(`${adminPrefix}/`)) return NextResponse.next();
  // Static files, Next's internals, the generated social images (/de/opengraph-image) and the
  // health check only get the checks above, not the locale routing.
  if (
    pathname.startsWith('/_next/') ||
    pathname === '/healthz' ||
    /(\.[^/]*|\/opengraph-image)$/.test(pathname)
  ) {
    return NextResponse.next();
  }
  // Next's own trailing-slash redirect (see skipTrailingSlashRedirect) would lack the headers.
  if (pathname.length > 1 && pathname.endsWith('/')) {
    const target = new URL(pathname.replace(/\/+$/, '') + search, request.url);
    return withHeaders(NextResponse.redirect(target, 308), {
      'Cache-Control': 'public, max-age=3600',
    });
  }

  const response = handleI18n(request);
  // Redirects depend on Accept-Language (e.g. / to /de or /en): never cache them for others.
  if (response.headers.has('location')) {
    return withHeaders(response, { 'Cache-Control': 'no-store', Vary: 'Accept-Language' });
  }

  // Unknown paths get the prerendered, localized not-found page with status 404. Calling
  // notFound() while rendering would do, but Next 16 then serves an empty <body> that only
  // JavaScript fills in (vercel/next.js#98954).
  if (hasLocale(routing.locales, locale) && !(await isPublicPath(locale, pathname))) {
    const notFound = NextResponse.rewrite(new URL(`/${locale}/page-not-found`, request.url), {
      status: 404,
    });
    return withHeaders(notFound, { 'Cache-Control': notFoundCacheControl });
  }
  // Next marks prerendered pages cacheable for a year (s-maxage=31536000); ours are shorter.
  return withHeaders(response, { 'Cache-Control': pageCacheControl });
}

export const config = {
  // Every path, so that methods and malformed paths are checked for static files too.
  matcher: '/:path*',
};
