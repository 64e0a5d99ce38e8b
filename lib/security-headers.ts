/**
 * Sent with every response, by next.config.ts, proxy.ts and deploy/nginx.conf (a test keeps the
 * nginx copy equal to this one). The README says what the CSP allows and why.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  // Next's prerendered pages carry inline bootstrap scripts (self.__next_f.push) whose content
  // differs per page and build; nonces need dynamic rendering, hashes a per-page header.
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/** Pages: a CDN keeps them an hour, browsers five minutes, so a new build shows up quickly. */
export const pageCacheControl = 'public, max-age=300, s-maxage=3600, stale-while-revalidate=86400';

/** A minute: long enough to absorb a scanner's burst, short enough for a new partner page. */
export const notFoundCacheControl = 'public, max-age=60';
