import type { Locale } from '../i18n/routing';

export const developmentSiteUrl = 'http://localhost:3000';

/** OpenGraph locale of each language (the English texts use British spelling). */
export const ogLocales: Record<Locale, string> = { de: 'de_DE', en: 'en_GB' };

/**
 * Whether this is a staging or test build (CC_STAGING=1): it may keep placeholders, and tells
 * search engines to stay away (robots.txt disallows all, every page is noindex).
 */
export function isStaging(
  // Spelled out, so that the build writes the value in (next.config.ts `env`).
  env: Record<string, string | undefined> = { CC_STAGING: process.env.CC_STAGING },
): boolean {
  return env.CC_STAGING?.trim() === '1';
}

/** The origin from which every absolute URL is made: SITE_URL, else the development default. */
export function getSiteUrl(env: Record<string, string | undefined> = process.env): URL {
  const value = env.SITE_URL?.trim();
  if (!value) return new URL(developmentSiteUrl);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `SITE_URL must be an absolute URL like https://partners.example.org, not "${value}"`,
    );
  }
  if (
    !['http:', 'https:'].includes(url.protocol) ||
    url.pathname !== '/' ||
    url.search ||
    url.hash
  ) {
    throw new Error(
      `SITE_URL must be the site's origin, http(s) without a path, like https://partners.example.org, not "${value}"`,
    );
  }
  return url;
}

/** An absolute URL on this site, e.g. absoluteUrl('/de/partner/vku'). */
export function absoluteUrl(path: string, env?: Record<string, string | undefined>): string {
  return new URL(path, getSiteUrl(env)).href;
}

/** The warning a production build prints when SITE_URL is not set, or null. */
export function siteUrlWarning(
  env: Record<string, string | undefined> = process.env,
): string | null {
  if (env.SITE_URL?.trim()) return null;
  return (
    `Warning: SITE_URL is not set, so canonical links, hreflang alternates, the sitemap, ` +
    `JSON-LD and social cards point to ${developmentSiteUrl}. Build with ` +
    `SITE_URL=https://<the public host> for production.`
  );
}
