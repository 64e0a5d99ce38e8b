import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routing } from '@/lib/i18n/routing';

// The privacy notice states facts about the server; these tests fail when the server changes and
// the notice does not (or the other way round).
const nginx = fs.readFileSync('deploy/nginx.conf', 'utf8');
const logrotate = fs.readFileSync('deploy/logrotate', 'utf8');
const notices = routing.locales.map((locale) => ({
  locale,
  text: fs.readFileSync(`content/privacy.${locale}.md`, 'utf8'),
}));

describe('the privacy notice and the server agree', () => {
  it('on how many days the logs are kept', () => {
    const rotated = Number(/^\s*rotate (\d+)$/m.exec(logrotate)?.[1]);
    const maxAge = Number(/^\s*maxage (\d+)$/m.exec(logrotate)?.[1]);
    // Debian runs logrotate daily: today's file plus the rotated days.
    expect(rotated + 1).toBe(maxAge);
    expect(/^\s*daily$/m.test(logrotate)).toBe(true);
    for (const { locale, text } of notices) {
      const stated = [...text.matchAll(/(\d+) (?:Tagen?|days)\b/g)].map((m) => Number(m[1]));
      expect(stated.length, locale).toBeGreaterThanOrEqual(3);
      expect(new Set(stated), locale).toEqual(new Set([maxAge]));
    }
  });

  it('on what a log line holds: no full address, no referrer, no cookie', () => {
    const format = /log_format cc_partners ((?:'[^']*'\s*)+);/.exec(nginx)?.[1] ?? '';
    const fields = [...format.matchAll(/\$\w+/g)].map((m) => m[0]);
    expect(fields).toEqual([
      '$cc_partners_client',
      '$time_local',
      '$request',
      '$status',
      '$body_bytes_sent',
      '$request_time',
      '$upstream_cache_status',
      '$upstream_status',
      '$http_user_agent',
    ]);
    const logs = [...nginx.matchAll(/^\s*access_log (.*);$/gm)].map((m) => m[1]);
    expect(logs.length).toBeGreaterThan(0);
    for (const log of logs) expect(log).toMatch(/^(off|\S+ cc_partners\b.*)$/);
    // The error log names full addresses at "error" level and below; the notice says it keeps
    // only critical faults.
    expect([...nginx.matchAll(/^\s*error_log (.*);$/gm)].map((m) => m[1])).toEqual([
      '/var/log/nginx/cc-partners/error.log crit',
    ]);
  });

  it('says so in both languages', () => {
    const [de, en] = notices.map((n) => n.text);
    expect(de).toMatch(/keine Cookies/);
    expect(de).toMatch(/letzte Stelle auf 0/);
    expect(en).toMatch(/no cookies/);
    expect(en).toMatch(/last part is set to 0/);
  });
});
