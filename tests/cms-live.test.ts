import fs from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { cmsConfig } from '@/lib/cms/config';

const config = cmsConfig({ SITE_URL: 'https://partners.example.org' });
const context: { ccLiveUrl?: (config: object, href: string, locale: string) => string } = {};
vm.runInNewContext(fs.readFileSync('public/admin/cms-live.js', 'utf8'), context);
const liveUrl = (href: string, locale: string) => context.ccLiveUrl!(config, href, locale);

describe('“Live ansehen” in the language the editor shows', () => {
  it.each([
    [
      'https://partners.example.org/de/partner/vku',
      'en',
      'https://partners.example.org/en/partners/vku',
    ],
    [
      'https://partners.example.org/en/partners/vku',
      'de',
      'https://partners.example.org/de/partner/vku',
    ],
    [
      'https://partners.example.org/de/partner/vku',
      'de',
      'https://partners.example.org/de/partner/vku',
    ],
  ])('takes %s to %s', (href, locale, expected) => {
    expect(liveUrl(href, locale)).toBe(expected);
  });

  it.each([
    'https://partners.example.org/de',
    'https://partners.example.org/de/partner/vku/extra',
    'https://other.example.org/de/partner/vku',
    'https://github.com/cc/partners/pull/1',
  ])('leaves %s alone', (href) => {
    expect(liveUrl(href, 'en')).toBeUndefined();
  });
});
