import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The site's origin as a build writes it in (lib/cms/oauth.ts reads it when it loads).
const site = 'https://partners.example.org';
vi.stubEnv('SITE_URL', site);
const { finishLogin, loginPolicy, startLogin, stateCookie } = await import('@/lib/cms/oauth');
const token = 'gho_standin0123456789';
const received: { url: string; body: string }[] = [];

// A stand-in for GitHub's documented OAuth endpoint: the code in, the token out (JSON).
const github = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    received.push({ url: request.url ?? '', body });
    const { code, client_id, client_secret } = JSON.parse(body || '{}');
    const ok =
      request.method === 'POST' &&
      request.url === '/login/oauth/access_token' &&
      client_id === 'cc-client' &&
      client_secret === 'cc-secret' &&
      code === 'good-code';
    response.setHeader('Content-Type', 'application/json');
    response.end(
      JSON.stringify(
        ok ? { access_token: token, token_type: 'bearer' } : { error: 'bad_verification_code' },
      ),
    );
  });
});
let env: Record<string, string>;

beforeAll(async () => {
  await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', resolve));
  env = {
    SITE_URL: site,
    CMS_GITHUB_CLIENT_ID: 'cc-client',
    CMS_GITHUB_CLIENT_SECRET: 'cc-secret',
    CMS_GITHUB_OAUTH_URL: `http://127.0.0.1:${(github.address() as AddressInfo).port}/`,
  };
});
afterAll(() => github.close());

const request = (path: string, cookie?: string) =>
  new Request(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });

/** The message the pop-up's page hands to the editor's window, and the origin it goes to. */
async function handedOver(response: Response) {
  const html = await response.text();
  const json = /<script type="application\/json" id="cc-oauth">(.*?)<\/script>/.exec(html)?.[1];
  expect(html).toContain('<script src="/admin/oauth-callback.js"></script>');
  return { html, ...(JSON.parse(json!) as { origin: string; message: string }) };
}

function stateOf(response: Response) {
  const location = new URL(response.headers.get('location')!);
  const cookie = response.headers.get('set-cookie')!;
  return { location, cookie, state: location.searchParams.get('state')! };
}

describe('the editor’s GitHub login', () => {
  it('answers a clear page, not a 500, while it is not configured', async () => {
    for (const response of [
      startLogin(request('/admin/auth?provider=github'), { SITE_URL: site }),
      await finishLogin(request('/admin/auth/callback?code=x&state=y'), { SITE_URL: site }),
    ]) {
      expect(response.status).toBe(503);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const html = await response.text();
      expect(html).toContain('Anmeldung nicht eingerichtet');
      expect(html).toContain('CMS_GITHUB_CLIENT_ID');
      expect(html).toContain('CMS_GITHUB_CLIENT_SECRET');
    }
  });

  it('sends the editor to GitHub with a new random state, kept in a short HttpOnly cookie', () => {
    const first = stateOf(startLogin(request('/admin/auth?provider=github&scope=repo'), env));
    const second = stateOf(startLogin(request('/admin/auth?provider=github&scope=repo'), env));
    expect(first.location.origin + first.location.pathname).toBe(
      `${env.CMS_GITHUB_OAUTH_URL}login/oauth/authorize`,
    );
    expect(Object.fromEntries(first.location.searchParams)).toEqual({
      client_id: 'cc-client',
      redirect_uri: `${site}/admin/auth/callback`,
      scope: 'repo',
      state: first.state,
    });
    expect(first.state).toMatch(/^[\w-]{43}$/);
    expect(second.state).not.toBe(first.state);
    // __Host-: only this origin sets it (no Domain, Path=/), over https (Secure).
    expect(stateCookie).toBe('__Host-cc_cms_oauth_state');
    expect(first.cookie).toBe(
      `${stateCookie}=${first.state}; Path=/; Max-Age=600; HttpOnly; Secure; SameSite=Lax`,
    );
    expect(first.location.href).not.toContain('cc-secret');
  });

  it.each([
    ['no state', '/admin/auth/callback?code=good-code', `${stateCookie}=abc`],
    ['another state', '/admin/auth/callback?code=good-code&state=abd', `${stateCookie}=abc`],
    [
      'the state in a cookie without the prefix',
      '/admin/auth/callback?code=good-code&state=abc',
      'cc_cms_oauth_state=abc',
    ],
    ['no cookie', '/admin/auth/callback?code=good-code&state=abc', undefined],
  ])('refuses a callback with %s (400), without asking GitHub', async (_case, path, cookie) => {
    const before = received.length;
    const response = await finishLogin(request(path, cookie), env);
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain(token);
    expect(received.length).toBe(before);
    // A login in progress in this browser is left alone: its cookie stays.
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('gives every answer of the login a policy that runs its own script only', async () => {
    expect(loginPolicy(site)).toBe(
      `default-src 'none'; script-src ${site}/admin/oauth-callback.js; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    const start = startLogin(request('/admin/auth?provider=github'), env);
    const { state } = stateOf(start);
    const done = await finishLogin(
      request(`/admin/auth/callback?code=good-code&state=${state}`, `${stateCookie}=${state}`),
      env,
    );
    const refused = await finishLogin(request('/admin/auth/callback?code=x&state=y'), env);
    for (const response of [start, done, refused]) {
      const policy = response.headers.get('content-security-policy')!;
      expect(policy).toMatch(
        /^default-src 'none'; script-src (?:'none'|\S+\/admin\/oauth-callback\.js);/,
      );
      expect(policy).not.toMatch(/unsafe|api\.github|avatars/);
      expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=/);
    }
    expect(done.headers.get('content-security-policy')).toBe(loginPolicy(site));
  });

  it('hands the token to the site’s own origin only, and keeps nothing', async () => {
    const log = vi.spyOn(console, 'log');
    const error = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    const { state } = stateOf(startLogin(request('/admin/auth?provider=github'), env));
    const response = await finishLogin(
      request(
        `/admin/auth/callback?code=good-code&state=${state}`,
        `other=1; ${stateCookie}=${state}`,
      ),
      env,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${stateCookie}=; .*Max-Age=0`));
    const html = await response.text();
    const data = JSON.parse(
      /<script type="application\/json" id="cc-oauth">(.*?)<\/script>/.exec(html)![1]!,
    );
    expect(data).toEqual({
      origin: site,
      message: `authorization:github:success:${JSON.stringify({ token, provider: 'github' })}`,
    });
    expect(html).toContain('<script src="/admin/oauth-callback.js"></script>');
    // The secret went to GitHub in the body, never in a URL; nothing was logged.
    expect(received.at(-1)).toMatchObject({ url: '/login/oauth/access_token' });
    expect(received.at(-1)!.body).toContain('cc-secret');
    for (const spy of [log, error, warn]) {
      expect(JSON.stringify(spy.mock.calls)).not.toContain(token);
      spy.mockRestore();
    }
  });

  it('tells the editor when GitHub does not confirm the code', async () => {
    const { state } = stateOf(startLogin(request('/admin/auth?provider=github'), env));
    const response = await finishLogin(
      request(`/admin/auth/callback?code=stale-code&state=${state}`, `${stateCookie}=${state}`),
      env,
    );
    expect(response.status).toBe(502);
    const { html, message } = await handedOver(response);
    expect(html).toContain('GitHub hat die Anmeldung nicht bestätigt.');
    expect(message).toBe(
      `authorization:github:error:${JSON.stringify({ message: 'GitHub hat die Anmeldung nicht bestätigt. Bitte melden Sie sich im Editor noch einmal an.' })}`,
    );
  });

  it.each([
    [
      'a login refused at GitHub',
      'error=access_denied&error_description=The+user+has+denied+your+application+access.',
      'Sie haben GitHub den Zugriff nicht erlaubt.',
    ],
    [
      'another refusal from GitHub',
      'error=application_suspended&error_description=Your+application+has+been+suspended.',
      'GitHub hat die Anmeldung abgelehnt: Your application has been suspended.',
    ],
  ])('tells Decap’s login screen about %s, in German', async (_case, query, reason) => {
    const { state } = stateOf(startLogin(request('/admin/auth?provider=github'), env));
    const response = await finishLogin(
      request(`/admin/auth/callback?${query}&state=${state}`, `${stateCookie}=${state}`),
      env,
    );
    expect(response.status).toBe(400);
    const { origin, message } = await handedOver(response);
    expect(origin).toBe(site);
    expect(message).toBe(
      `authorization:github:error:${JSON.stringify({ message: `${reason} Bitte melden Sie sich im Editor noch einmal an.` })}`,
    );
  });

  it('tells Decap’s login screen about a state that is not this editor’s', async () => {
    const response = await finishLogin(
      request('/admin/auth/callback?code=good-code&state=abd', `${stateCookie}=abc`),
      env,
    );
    const { message } = await handedOver(response);
    expect(message).toMatch(
      /^authorization:github:error:\{"message":"Die Anmeldung ist abgelaufen/,
    );
  });
});
