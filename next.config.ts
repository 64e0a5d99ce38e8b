import os from 'node:os';
import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import createNextIntlPlugin from 'next-intl/plugin';
import { contentDir, reportContent } from './lib/content/check';
import { adminCacheControl, adminHeaders } from './lib/cms/headers';
import { securityHeaders } from './lib/http/security-headers';
import { getSiteUrl, siteUrlWarning } from './lib/site/origin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // npm run bench:scale builds generated content elsewhere, so it never replaces .next.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // Written into the build, so that the running server knows the origin it was built for
  // (lib/cms/oauth.ts hands the editor's login token to that origin only), the editor's CSP
  // the GitHub API its configuration names (lib/cms/github.ts), and CC_STAGING: a staging build
  // stays noindex whatever the running process is told.
  env: {
    SITE_URL: process.env.SITE_URL ?? '',
    CMS_GITHUB_API_URL: process.env.CMS_GITHUB_API_URL ?? '',
    CC_STAGING: process.env.CC_STAGING ?? '',
  },
  reactStrictMode: true,
  // proxy.ts redirects trailing slashes itself, with the security headers.
  skipTrailingSlashRedirect: true,
  // The site has no images; the optimizer would only be an attack surface.
  images: { unoptimized: true },
  // Server-only libraries load from node_modules instead of being bundled: compiles 2 s faster.
  serverExternalPackages: [
    'gray-matter',
    'rehype-sanitize',
    'rehype-stringify',
    'remark-parse',
    'remark-rehype',
    'unified',
    'unist-util-visit',
    'zod',
  ],
  // `npm run typecheck` (run by CI) type-checks; doing it again inside next build costs ~9 s.
  typescript: { ignoreBuildErrors: true },
  // Build time at 1,000 partners × 2 locales (npm run bench:scale, issue 5): 44 s → 29–35 s.
  experimental: {
    // Next uses cores − 1 workers to prerender, i.e. one on a 2-core machine; the main process
    // only waits meanwhile.
    cpus: Math.max(2, os.availableParallelism()),
    // Since 16.3 Next decodes, re-encodes and gzips every page's RSC payload once more to size
    // prefetch hints for client navigation, which these pages never do (no client JS): ~7 s.
    prefetchInlining: false,
    // Minifying the server bundle only costs compile time (0.6 s): it never reaches a browser.
    serverMinification: false,
    // Writing Turbopack's compile cache competes with prerendering for the two cores: a cold
    // build took 6.5 s longer with it, and a warm one (2 s compile) was still slower overall.
    turbopackFileSystemCacheForBuild: false,
  },
  async headers() {
    const list = (headers: Record<string, string>) =>
      Object.entries(headers).map(([key, value]) => ({ key, value }));
    const noCache = list({ 'Cache-Control': adminCacheControl });
    return [
      { source: '/:path((?!admin(?:/|$)).*)', headers: list(securityHeaders) },
      { source: '/admin', headers: [...list(adminHeaders), ...noCache] },
      // The login's answers (lib/cms/oauth.ts) carry headers of their own, with a narrower CSP.
      { source: '/admin/:path((?!auth(?:/|$)).*)', headers: [...list(adminHeaders), ...noCache] },
    ];
  },
};

export default function config(phase: string): NextConfig {
  getSiteUrl(); // fails early on a malformed SITE_URL
  // `next typegen` (npm run typecheck) loads the config in the build phase too: no warning there.
  const building = phase === PHASE_PRODUCTION_BUILD && !process.argv.includes('typegen');
  const warning = building && siteUrlWarning();
  if (warning) console.warn(`\n${warning}\n`);
  // The content check comes first, with the messages of `npm run content:check`: a broken file
  // stops the build before anything is compiled. Next loads this file twice; one check will do.
  if (building && !process.env.CC_CONTENT_CHECKED) {
    process.env.CC_CONTENT_CHECKED = '1';
    if (!warning) console.log('');
    if (!reportContent(contentDir())) process.exit(1);
  }
  return withNextIntl(nextConfig);
}
