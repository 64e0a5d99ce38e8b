/**
 * The editor's login through the front, against two stand-ins for a release's Next processes
 * that count what reaches them: a callback goes to one process, once; each client gets a limited
 * number of tries a minute; only the state cookie reaches Next, and only on the callback.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateCookie } from '@/lib/cms/oauth';
import { startNginx, type Front } from '@/tests/support/serve-front';
import { httpGet } from './raw-http';

const frontPort = Number(process.env.HOSTILE_LOGIN_PORT ?? 8640);
const site = new URL(process.env.SITE_URL ?? 'http://localhost:3000');

type Seen = { process: number; url: string; cookie?: string };

type Faults = { callbacks: boolean; pages: number };

/** A Next process that answers, but drops the connection of every callback while
 * `faults.callbacks`, and of the next `faults.pages` pages. */
function nextProcess(index: number, seen: Seen[], faults: Faults) {
  return http.createServer((request, response) => {
    seen.push({ process: index, url: request.url ?? '', cookie: request.headers.cookie });
    const callback = request.url?.startsWith('/admin/auth/callback');
    if ((callback && faults.callbacks) || (!callback && faults.pages-- > 0)) {
      request.socket.destroy();
      return;
    }
    const status = request.url?.startsWith('/admin/auth?') ? 302 : 200;
    response.writeHead(status, { 'content-type': 'text/html', 'cache-control': 'no-store' });
    response.end('<!DOCTYPE html><title>ok</title>');
  });
}

describe('the login through the front', () => {
  const seen: Seen[] = [];
  const faults: Faults = { callbacks: false, pages: 0 };
  const servers = [nextProcess(0, seen, faults), nextProcess(1, seen, faults)];
  let front: Front;
  const get = (path: string, headers: Record<string, string> = {}) =>
    httpGet(frontPort, path, { host: site.host, ...headers });

  beforeAll(async () => {
    for (const server of servers) {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    }
    const ports = servers.map((server) => (server.address() as AddressInfo).port);
    front = await startNginx({ frontPort, nextPorts: ports });
  });
  afterAll(async () => {
    await front?.stop();
    for (const server of servers) server.close();
  });

  it('sends a callback to one process, once, even when that process fails', async () => {
    faults.callbacks = true;
    for (let i = 0; i < 4; i++) {
      seen.length = 0;
      const answer = await get(`/admin/auth/callback?code=once-${i}&state=s`);
      expect(answer.status).toBe(503);
      expect(seen.map((s) => s.url)).toEqual([`/admin/auth/callback?code=once-${i}&state=s`]);
    }
    faults.callbacks = false;
    // A page, by contrast, is worth a second try on the other process.
    seen.length = 0;
    faults.pages = 1;
    expect((await get('/de/partner/retried')).status).toBe(200);
    expect(seen.map((s) => s.process).sort()).toEqual([0, 1]);
  });

  it('forwards the state cookie alone, and only to the callback', async () => {
    const cookie = `a=1; ${stateCookie}=abc-_123; cc_cms_oauth_state=zzz; b=2`;
    seen.length = 0;
    for (const path of [
      '/admin/auth/callback?code=c&state=abc-_123',
      '/admin/',
      '/de/partner/x',
      '/admin/auth/callback%7C',
    ]) {
      await get(path, { cookie });
    }
    await get('/admin/auth?provider=github', { cookie });
    expect(seen.map(({ url, cookie }) => [url.split('?')[0], cookie])).toEqual([
      ['/admin/auth/callback', `${stateCookie}=abc-_123`],
      ['/admin/', undefined],
      ['/de/partner/x', undefined],
      ['/admin/auth/callback%7C', undefined],
      ['/admin/auth', undefined],
    ]);
  });

  it('limits each client to a few tries a minute, with a German message', async () => {
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof get>> | undefined;
    for (let i = 0; i < 40; i++) {
      const answer = await get(`/admin/auth?provider=github&try=${i}`);
      statuses.push(answer.status);
      if (answer.status === 429) refused ??= answer;
    }
    expect(statuses.filter((status) => status === 302).length).toBeLessThanOrEqual(15);
    expect(statuses.slice(-10)).toEqual(Array(10).fill(429));
    expect(refused!.body).toBe(
      'Zu viele Anmeldeversuche von dieser Adresse: bitte eine Minute warten.\n',
    );
    expect(refused!.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(refused!.headers['cache-control']).toBe('no-store');
    // The site itself is not limited.
    expect((await get('/de')).status).toBe(200);
  });
});
