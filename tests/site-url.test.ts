import { describe, expect, it } from 'vitest';
import { absoluteUrl, getSiteUrl, siteUrlWarning } from '@/lib/site/origin';

describe('SITE_URL', () => {
  it('defaults to the development server', () => {
    expect(getSiteUrl({}).href).toBe('http://localhost:3000/');
    expect(absoluteUrl('/de/partner/vku', {})).toBe('http://localhost:3000/de/partner/vku');
  });

  it('makes every absolute URL from the configured origin', () => {
    const env = { SITE_URL: 'https://partners.example.org/' };
    expect(absoluteUrl('/en/partners/vku', env)).toBe(
      'https://partners.example.org/en/partners/vku',
    );
    expect(absoluteUrl('/sitemap.xml', { SITE_URL: ' https://partners.example.org ' })).toBe(
      'https://partners.example.org/sitemap.xml',
    );
  });

  it.each([
    'partners.example.org',
    'ftp://example.org',
    'https://example.org/sub',
    'https://example.org/?a=1',
  ])('rejects %s with a message naming the value', (value) => {
    expect(() => getSiteUrl({ SITE_URL: value })).toThrow(`"${value}"`);
  });

  it('warns a production build only when SITE_URL is missing', () => {
    expect(siteUrlWarning({})).toMatch(/SITE_URL is not set.*http:\/\/localhost:3000/);
    expect(siteUrlWarning({ SITE_URL: '  ' })).not.toBeNull();
    expect(siteUrlWarning({ SITE_URL: 'https://partners.example.org' })).toBeNull();
  });
});
