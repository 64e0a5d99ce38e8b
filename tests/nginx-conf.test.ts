import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routing } from '@/lib/i18n/routing';
import { securityHeaders } from '@/lib/http/security-headers';
import { renderSiteConfig } from '@/tests/support/serve-front';

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

  it('renders for tests with the given ports and directories', () => {
    const rendered = renderSiteConfig(
      { frontPort: 8600, warmPort: 8601, slots: { a: [3600], b: [3610, 3611] } },
      { cacheDir: '/tmp/cache', logDir: '/tmp/log', root: '/tmp/root' },
    );
    expect(rendered).toContain('listen 127.0.0.1:8600;');
    expect(rendered).toContain('listen 127.0.0.1:8601;');
    expect(rendered).toContain('$server_port = 8601');
    const directives = rendered.replace(/#.*$/gm, '');
    expect(directives).not.toMatch(/\b(8081|3000|3001|3100|3101)\b/);
    expect(rendered).toMatch(/upstream cc_partners_a \{\n {4}server 127\.0\.0\.1:3600 /);
    expect(rendered).toContain('server 127.0.0.1:3611 ');
    expect(rendered).toContain('proxy_cache_path /tmp/cache/a ');
    expect(rendered).toContain('access_log /tmp/log/access.log ');
    expect(rendered).toContain('if (-f /tmp/root/slot-b-is-live)');
    expect(directives).not.toMatch(/\/var\/|\/srv\//);
  });

  it('agrees with deploy/deploy.sh on ports, slots and paths', () => {
    const script = fs.readFileSync('deploy/deploy.sh', 'utf8');
    const setting = (name: string) =>
      new RegExp(`^${name}=\\$\\{${name}:-([^}]+)\\}`, 'm').exec(script)?.[1];
    const processes = Number(setting('CC_PROCESSES'));
    for (const [slot, base] of [
      ['a', Number(setting('CC_PORT_A'))],
      ['b', Number(setting('CC_PORT_B'))],
    ] as const) {
      const block = new RegExp(`^upstream cc_partners_${slot} \\{$([\\s\\S]*?)^\\}$`, 'm').exec(
        conf,
      )?.[1];
      const ports = [...(block ?? '').matchAll(/server 127\.0\.0\.1:(\d+)/g)].map((m) =>
        Number(m[1]),
      );
      expect(ports, slot).toEqual(Array.from({ length: processes }, (_, i) => base + i));
    }
    expect(conf).toContain(`listen 127.0.0.1:${setting('CC_WARM_PORT')};`);
    expect(conf).toContain(`if (-f ${setting('CC_ROOT')}/slot-b-is-live)`);
    expect(conf).toContain(`proxy_cache_path ${setting('CC_CACHE_DIR')}/a `);
  });

  it('knows the languages of lib/i18n/routing.ts for its fallbacks', () => {
    const map = (name: string) =>
      new RegExp(`^map \\S+ \\$${name} \\{$([\\s\\S]*?)^\\}$`, 'm').exec(conf)?.[1] ?? '';
    for (const name of ['cc_partners_lang', 'cc_partners_preferred_lang']) {
      const values = [...map(name).matchAll(/ (\w+);$/gm)].map((m) => m[1]);
      expect(values.sort(), name).toEqual([...routing.locales].sort());
      expect(map(name), name).toContain(`default ${routing.defaultLocale};`);
    }
  });
});
