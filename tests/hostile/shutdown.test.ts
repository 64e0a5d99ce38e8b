import net from 'node:net';
import { expect, it } from 'vitest';
import { startNext } from '@/tests/support/serve-front';

const port = Number(process.env.HOSTILE_SHUTDOWN_PORT ?? 3601);

/** A keep-alive connection the server has surely accepted: it has answered a HEAD on it. */
async function acceptedConnection() {
  const socket = net.connect(port, '127.0.0.1');
  socket.write('HEAD /de HTTP/1.1\r\nHost: localhost\r\n\r\n');
  let received = '';
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      received += chunk.toString();
      if (received.includes('\r\n\r\n')) resolve();
    });
  });
  socket.removeAllListeners('data');
  const rest = new Promise<string>((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
  return { socket, rest };
}

it('finishes requests in flight on SIGTERM, then exits', async () => {
  const next = await startNext(port);
  const connections = await Promise.all(Array.from({ length: 6 }, acceptedConnection));
  const [slow, ...quick] = connections;

  // Requests that have begun: five complete ones, and one whose headers end only after the signal.
  quick.forEach(({ socket }, i) =>
    socket.write(`GET /de/nope-${i} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`),
  );
  slow!.socket.write('GET /de/partner/vku HTTP/1.1\r\nHost: localhost\r\n');
  const exited = next.stop();
  await new Promise((resolve) => setTimeout(resolve, 300));
  slow!.socket.write('Connection: close\r\n\r\n');

  for (const { rest } of quick) expect(await rest).toMatch(/^HTTP\/1\.1 404 /);
  const page = await slow!.rest;
  expect(page).toMatch(/^HTTP\/1\.1 200 /);
  expect(page).toContain('</html>');
  // Next exits with 128 + SIGTERM (143) after a clean shutdown, on purpose (start-server.js).
  expect(await exited).toBe(143);
  expect(() => process.kill(next.pid, 0)).toThrow();
});
