import { describe, expect, it, vi } from 'vitest';
import { securityTxt } from '@/lib/site/security-txt';

vi.stubEnv('SITE_URL', 'https://partners.example.org');

describe('security.txt (RFC 9116)', () => {
  const now = new Date('2026-11-30T11:00:00Z');
  const fields = Object.fromEntries(
    securityTxt('security@connective-cities.net', now)
      .trimEnd()
      .split('\n')
      .map((line) => line.split(/: (.*)/s).slice(0, 2) as [string, string]),
  );

  it('names the contact, the languages and its canonical address', () => {
    expect(fields).toMatchObject({
      Contact: 'mailto:security@connective-cities.net',
      'Preferred-Languages': 'de, en',
      Canonical: 'https://partners.example.org/.well-known/security.txt',
    });
  });

  it('expires less than a year after the build, in RFC 3339 form', () => {
    const expires = Date.parse(fields.Expires!);
    expect(fields.Expires).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/);
    expect(expires).toBeGreaterThan(now.getTime() + 300 * 86_400_000);
    expect(expires).toBeLessThan(now.getTime() + 365 * 86_400_000);
  });
});
