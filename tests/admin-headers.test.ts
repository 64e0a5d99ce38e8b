import { describe, expect, it } from 'vitest';
import { cmsConfig } from '@/lib/cms/config';
import { adminContentSecurityPolicy, adminHeaders } from '@/lib/cms/headers';

const directives = (policy: string) =>
  Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('the web editor’s Content-Security-Policy', () => {
  it('lets the editor reach github.com’s API and avatars, and nothing else of GitHub', () => {
    const csp = directives(adminHeaders['Content-Security-Policy']);
    expect(csp['connect-src']).toEqual([
      "'self'",
      'https://api.github.com',
      'https://www.githubstatus.com',
    ]);
    expect(csp['img-src']).toEqual(["'self'", 'https://avatars.githubusercontent.com']);
  });

  it('follows the GitHub API the build names, as the editor’s configuration does', () => {
    const env = { CMS_GITHUB_API_URL: 'https://ghe.example.org/api/v3' };
    const api = new URL(cmsConfig(env).backend.api_root).origin;
    const csp = directives(adminContentSecurityPolicy(cmsConfig(env).backend.api_root));
    expect(api).toBe('https://ghe.example.org');
    expect(csp['connect-src']).toEqual(["'self'", api, 'https://www.githubstatus.com']);
    expect(csp['img-src']).toEqual(["'self'", api, 'https://avatars.ghe.example.org']);
  });

  it('takes the preview’s stylesheet from this origin, and nothing from blob: or data:', () => {
    const policy = adminHeaders['Content-Security-Policy'];
    expect(directives(policy)['style-src-elem']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy).not.toMatch(/blob:|data:|frame-src|\*/);
  });
});
