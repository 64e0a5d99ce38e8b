import net from 'node:net';
import { expect, it } from 'vitest';
import { startNext } from '@/scripts/serve-front';
import { rawRequest } from './raw-http';

const port = Number(process.env.HOSTILE_SHUTDOWN_PORT ?? 8601);

it('finishes requests in flight on SIGTERM, then exits', async () => {
  const next = await startNext(port);

  // A request whose headers are still arriving when the signal comes, and ten complete ones.
  const slow = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => slow.once('connect', resolve));
  slow.write('GET /de/partner/vku HTTP/1.1\r\nHost: localhost\r\n');
  const slowAnswer = new Promise<string>((resolve) => {
    let text = '';
    slow.on('data', (chunk) => (text += chunk.toString()));
    slow.on('close', () => resolve(text));
  });
  const quick = Array.from({ length: 10 }, (_, i) =>
    rawRequest(port, `GET /de/nope-${i} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`),
  );
  await new Promise((resolve) => setTimeout(resolve, 50));

  const exited = next.stop();
  await new Promise((resolve) => setTimeout(resolve, 300));
  slow.write('Connection: close\r\n\r\n');

  for (const answer of await Promise.all(quick)) expect(answer.status).toBe(404);
  const text = await slowAnswer;
  expect(text).toMatch(/^HTTP\/1\.1 200 /);
  expect(text).toContain('</html>');
  // Next exits with 128 + SIGTERM (143) after a clean shutdown, on purpose (start-server.js).
  expect(await exited).toBe(143);
  await expect(rawRequest(port, 'GET /de HTTP/1.1\r\nHost: localhost\r\n\r\n')).rejects.toThrow(
    /ECONNREFUSED/,
  );
  expect(() => process.kill(next.pid, 0)).toThrow();
});
