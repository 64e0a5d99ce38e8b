import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import createNextIntlPlugin from 'next-intl/plugin';
import { getSiteUrl, siteUrlWarning } from './lib/site';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
};

export default function config(phase: string): NextConfig {
  getSiteUrl(); // fails early on a malformed SITE_URL
  // `next typegen` (npm run typecheck) loads the config in the build phase too: no warning there.
  const building = phase === PHASE_PRODUCTION_BUILD && !process.argv.includes('typegen');
  const warning = building && siteUrlWarning();
  if (warning) console.warn(`\n${warning}\n`);
  return withNextIntl(nextConfig);
}
