// @ts-check
/**
 * Resolves once `url` answers at all (any status), polling every 200 ms. Rejects after
 * `timeoutMs`, or as soon as `child` (the server being waited for) has exited.
 * @param {string} url
 * @param {{ timeoutMs?: number, child?: import('node:child_process').ChildProcess }} [options]
 */
export async function waitForUrl(url, { timeoutMs = 30_000, child } = {}) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child && child.exitCode !== null) {
      throw new Error(`${url}: the server exited with ${child.exitCode}`);
    }
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
