import { githubApiUrl, githubAvatarOrigins } from './cms-github';
import { cmsProxyPort } from './cms-proxy';

/**
 * Sent with every response, by next.config.ts, proxy.ts and deploy/nginx.conf (a test keeps the
 * nginx copy equal to this one). The README says what the CSP allows and why.
 */
// `next dev` needs scripts (eval, inline, websocket) for its overlay and hot reload.
const development = process.env.NODE_ENV === 'development';

// The built pages have no scripts (scripts/strip-framework-js.mjs; JSON-LD is data, not run).
// A build with KEEP_FRAMEWORK_JS=1 needs "script-src 'self' 'unsafe-inline'" here and in
// deploy/nginx.conf for Next's inline bootstrap scripts.
// No Cross-Origin-Opener-Policy: with it, Lighthouse (mobile) measured 4–491 ms of Total Blocking
// Time (Performance 88–100) on the same pages that took 0–44 ms (always 100) without it, in three
// interleaved rounds; a stateless page without scripts or pop-ups gains nothing from it (README).
// Every byte here goes out with every response (a page costs four), so nothing is repeated:
// default-src 'none' already forbids plugins (object-src) and fonts, and frame-ancestors replaces
// X-Frame-Options in every browser that still gets updates.
const contentSecurityPolicy = [
  "default-src 'none'",
  development ? "script-src 'self' 'unsafe-inline' 'unsafe-eval'" : "script-src 'none'",
  // 'self' only lets tools such as Lighthouse fetch /robots.txt from the page; no script runs.
  development ? "connect-src 'self' ws:" : "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/** Pages: a CDN keeps them an hour, browsers five minutes, so a new build shows up quickly. */
export const pageCacheControl = 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400';

/** A minute: long enough to absorb a scanner's burst, short enough for a new partner page. */
export const notFoundCacheControl = 'public, max-age=60';

/** Where the web editor lives (Decap CMS and its login): never part of the public site. */
export const adminPrefix = '/admin';

// The editor is Decap CMS's prebuilt bundle, which needs more than the public pages: 'unsafe-eval'
// (its config validator, ajv, compiles schemas with new Function), inline <style> elements
// (emotion), the site's stylesheet in its preview pane, the GitHub API and avatars (or those of
// the GitHub Enterprise server the site is built for), and in `npm run edit` its local proxy. No
// inline script: the OAuth callback's script is a file too (public/admin/oauth-callback.js).
export function adminContentSecurityPolicy(apiUrl = githubApiUrl()): string {
  return [
    "default-src 'none'",
    "script-src 'self' 'unsafe-eval'",
    "style-src-elem 'self' 'unsafe-inline'",
    "style-src-attr 'none'",
    `img-src 'self' ${githubAvatarOrigins(apiUrl).join(' ')}`,
    development
      ? `connect-src 'self' http://localhost:${cmsProxyPort} ws:`
      : `connect-src 'self' ${new URL(apiUrl).origin} https://www.githubstatus.com`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Sent instead of `securityHeaders` below /admin: its own CSP, and never indexed.
 * No Cross-Origin-Opener-Policy: the login pop-up must reach back to the editor's window.
 */
export const adminHeaders = {
  ...securityHeaders,
  'Content-Security-Policy': adminContentSecurityPolicy(),
  'X-Robots-Tag': 'noindex, nofollow',
} as const;

/** The editor's files: browsers, the front and CDNs check them again on every use (a new build
 * may bring a new editor). The login's answers say no-store themselves. */
export const adminCacheControl = 'no-cache';
