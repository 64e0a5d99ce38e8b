import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '@/lib/security-headers';
import { renderSiteConfig } from '@/scripts/serve-front';

const conf = fs.readFileSync('deploy/nginx.conf', 'utf8');

describe('deploy/nginx.conf', () => {
  it('sends the same security headers as the app, on every answer', () => {
    const added = Object.fromEntries(
      [...conf.matchAll(/^\s*add_header ([\w-]+) "(.*)" always;$/gm)].map((m) => [m[1], m[2]]),
    );
    expect(added).toEqual(securityHeaders);
  });

  it("hides Next's copies so that each header appears once", () => {
    const hidden = [...conf.matchAll(/^\s*proxy_hide_header ([\w-]+);$/gm)].map((m) => m[1]);
    expect(hidden).toEqual(expect.arrayContaining([...Object.keys(securityHeaders), 'Set-Cookie']));
  });

  it('renders for tests with the given ports and cache directory', () => {
    const rendered = renderSiteConfig(8600, 3600, { cacheDir: '/tmp/cache', logDir: '/tmp/log' });
    expect(rendered).toContain('listen 127.0.0.1:8600;');
    expect(rendered).toContain('server 127.0.0.1:3600;');
    expect(rendered).toContain('proxy_cache_path /tmp/cache ');
    expect(rendered).toContain('access_log /tmp/log/access.log ');
    expect(rendered).not.toContain('/var/log');
  });
});
