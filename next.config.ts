import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaders } from './lib/security-headers';
import { getSiteUrl, siteUrlWarning } from './lib/site';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // npm run bench:scale builds generated content elsewhere, so it never replaces .next.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // proxy.ts redirects trailing slashes itself, with the security headers.
  skipTrailingSlashRedirect: true,
  // The site has no images; the optimizer would only be an attack surface.
  images: { unoptimized: true },
  async headers() {
    const headers = Object.entries(securityHeaders).map(([key, value]) => ({ key, value }));
    return [{ source: '/:path*', headers }];
  },
};

export default function config(phase: string): NextConfig {
  getSiteUrl(); // fails early on a malformed SITE_URL
  // `next typegen` (npm run typecheck) loads the config in the build phase too: no warning there.
  const building = phase === PHASE_PRODUCTION_BUILD && !process.argv.includes('typegen');
  const warning = building && siteUrlWarning();
  if (warning) console.warn(`\n${warning}\n`);
  return withNextIntl(nextConfig);
}
