import { securityHeaders } from '../http/security-headers';
import { githubApiUrl, githubAvatarOrigins } from './github';
import { cmsProxyPort } from './proxy';

// `npm run edit` runs next dev: the editor then talks to Decap's local proxy.
const development = process.env.NODE_ENV === 'development';

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
