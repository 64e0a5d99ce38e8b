import { randomBytes, timingSafeEqual } from 'node:crypto';
import { getSiteUrl } from '../site/origin';
import { adminHeaders } from './headers';

/**
 * The GitHub login of the web editor (Decap CMS), as two route handlers: /admin/auth sends the
 * editor to GitHub with a random state, /admin/auth/callback checks that state, trades the code
 * for a token and hands the token to the editor's window by postMessage, to the site's own
 * origin only. The server keeps nothing: the state lives in a short cookie, the token only in
 * the answer to the editor's browser. Which repository an editor may change is GitHub's to say.
 */
// __Host-: set by this origin over https only, for the whole origin (Path=/), never by a sibling
// subdomain (no Domain): a page elsewhere on the operator's domain cannot plant a state of its
// own. Its narrower path would have needed __Secure-, which a sibling can overwrite.
export const stateCookie = '__Host-cc_cms_oauth_state';
const stateMaxAge = 600;

type Env = Record<string, string | undefined>;
type Settings = { clientId: string; clientSecret: string; github: string; origin: string };

// SITE_URL is written into the build (next.config.ts `env`), so that the origin the token is
// sent to is the one the site was built for, whatever the environment of the running process.
const builtSiteUrl = process.env.SITE_URL;

function settings(env: Env): Settings | { missing: string[] } {
  const missing = ['CMS_GITHUB_CLIENT_ID', 'CMS_GITHUB_CLIENT_SECRET'].filter((name) => !env[name]);
  const siteUrl = builtSiteUrl || env.SITE_URL;
  if (!siteUrl) missing.push('SITE_URL');
  if (missing.length > 0) return { missing };
  return {
    clientId: env.CMS_GITHUB_CLIENT_ID!,
    clientSecret: env.CMS_GITHUB_CLIENT_SECRET!,
    // GitHub Enterprise, or a stand-in in tests.
    github: (env.CMS_GITHUB_OAUTH_URL ?? 'https://github.com').replace(/\/+$/, ''),
    origin: getSiteUrl({ SITE_URL: siteUrl }).origin,
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The login's pages hold the token for a moment: they may run their own script and nothing else
 * (not the editor's policy, which allows eval, GitHub's API and avatars).
 */
export function loginPolicy(origin?: string): string {
  return [
    "default-src 'none'",
    origin ? `script-src ${origin}/admin/oauth-callback.js` : "script-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function page(
  status: number,
  title: string,
  body: string,
  headers: Record<string, string> = {},
  origin?: string,
) {
  const html = `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
  const response = new Response(html, {
    status,
    headers: {
      ...adminHeaders,
      'Content-Security-Policy': loginPolicy(origin),
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      ...headers,
    },
  });
  return response;
}

function notConfigured(missing: string[]) {
  return page(
    503,
    'Anmeldung nicht eingerichtet',
    `<p>Die Anmeldung mit GitHub ist auf diesem Server noch nicht eingerichtet. Es fehlen: ${missing
      .map((name) => `<code>${name}</code>`)
      .join(', ')}.</p>
<p>Wie man sie einrichtet, steht in README.md unter „Web editor“.</p>`,
  );
}

const clearState = `${stateCookie}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`;
const callbackUrl = (config: Settings) => `${config.origin}/admin/auth/callback`;

/**
 * The pop-up's page when the login failed. It tells the editor's window too, in Decap's protocol
 * (authorization:github:error:…), so that Decap's login screen shows why instead of waiting.
 * `consumed`: the state was this login's, so it cannot be used again (a callback with another
 * state, e.g. from a link elsewhere, leaves a login in progress be).
 */
function failed(config: Settings, status: number, reason: string, consumed: boolean) {
  const text = `${reason} Bitte melden Sie sich im Editor noch einmal an.`;
  return page(
    status,
    'Anmeldung fehlgeschlagen',
    `<p>${escapeHtml(text)}</p>${handOver(config, 'error', { message: text })}`,
    consumed ? { 'Set-Cookie': clearState } : {},
    config.origin,
  );
}

/** public/admin/oauth-callback.js sends `message` to the editor's window, at the site's origin only. */
function handOver(config: Settings, outcome: 'success' | 'error', content: object) {
  const message = `authorization:github:${outcome}:${JSON.stringify(content)}`;
  const data = JSON.stringify({ origin: config.origin, message }).replace(/</g, '\\u003c');
  return `
<script type="application/json" id="cc-oauth">${data}</script>
<script src="/admin/oauth-callback.js"></script>`;
}

/** What GitHub sent back instead of a code, in the editor's language. */
function refusedAtGitHub(url: URL) {
  if (url.searchParams.get('error') === 'access_denied') {
    return 'Sie haben GitHub den Zugriff nicht erlaubt.';
  }
  const description = url.searchParams.get('error_description');
  return description
    ? `GitHub hat die Anmeldung abgelehnt: ${description.replace(/\.?$/, '.')}`
    : 'GitHub hat keinen Code gesandt.';
}

function sameState(a: string, b: string) {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookie(request: Request, name: string) {
  const header = request.headers.get('cookie') ?? '';
  return header
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];
}

/** GET /admin/auth?provider=github&scope=repo: off to GitHub, with a state to check on return. */
export function startLogin(request: Request, env: Env = process.env): Response {
  const config = settings(env);
  if ('missing' in config) return notConfigured(config.missing);
  const url = new URL(request.url);
  if ((url.searchParams.get('provider') ?? 'github') !== 'github') {
    return failed(config, 400, 'Nur die Anmeldung mit GitHub ist eingerichtet.', false);
  }
  // Decap asks for `repo` (or `public_repo` for public repositories only); nothing else.
  const scope = url.searchParams.get('scope') === 'public_repo' ? 'public_repo' : 'repo';
  const state = randomBytes(32).toString('base64url');
  const authorize = new URL(`${config.github}/login/oauth/authorize`);
  authorize.search = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: callbackUrl(config),
    scope,
    state,
  }).toString();
  return new Response(null, {
    status: 302,
    headers: {
      ...adminHeaders,
      'Content-Security-Policy': loginPolicy(),
      Location: authorize.href,
      'Cache-Control': 'no-store',
      // Secure also on http://localhost, which browsers count as a secure context.
      'Set-Cookie': `${stateCookie}=${state}; Path=/; Max-Age=${stateMaxAge}; HttpOnly; Secure; SameSite=Lax`,
    },
  });
}

/** GET /admin/auth/callback?code&state: the token for the editor's window, or why not. */
export async function finishLogin(request: Request, env: Env = process.env): Promise<Response> {
  const config = settings(env);
  if ('missing' in config) return notConfigured(config.missing);
  const url = new URL(request.url);
  const state = url.searchParams.get('state');
  const expected = cookie(request, stateCookie);
  if (!state || !expected || !sameState(state, expected)) {
    return failed(
      config,
      400,
      'Die Anmeldung ist abgelaufen oder kam nicht von diesem Editor.',
      false,
    );
  }
  const code = url.searchParams.get('code');
  if (!code) return failed(config, 400, refusedAtGitHub(url), true);
  let token: string | undefined;
  try {
    const response = await fetch(`${config.github}/login/oauth/access_token`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        client_id: config.clientId,
        client_secret: config.clientSecret,
        code,
        redirect_uri: callbackUrl(config),
      }),
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.json()) as { access_token?: unknown; error?: unknown };
    if (typeof answer.access_token === 'string') token = answer.access_token;
  } catch {
    // GitHub did not answer, or not with JSON: the editor gets the page below.
  }
  if (!token) return failed(config, 502, 'GitHub hat die Anmeldung nicht bestätigt.', true);
  // Decap's protocol: the pop-up says it is authorizing, the editor answers, the pop-up sends
  // the token. public/admin/oauth-callback.js does that, to this origin only, never '*'.
  return page(
    200,
    'Angemeldet',
    `<p>Sie sind angemeldet. Dieses Fenster schließt sich gleich.</p>${handOver(config, 'success', { token, provider: 'github' })}`,
    { 'Set-Cookie': clearState },
    config.origin,
  );
}
