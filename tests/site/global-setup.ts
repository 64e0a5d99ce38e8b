import { spawn, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { waitForUrl } from '../../scripts/lib/wait-for-url.mjs';

const port = Number(process.env.SITE_TEST_PORT ?? 3456);

/** Serves the built site with `next start` (run `npm run build` first), unless SITE_URL_UNDER_TEST points elsewhere. */
export default async function setup(project: TestProject) {
  let server: ChildProcess | undefined;
  let base = process.env.SITE_URL_UNDER_TEST;
  if (!base) {
    // No -H: binding next start to 127.0.0.1 makes localized pathnames redirect to themselves.
    server = spawn('npx', ['next', 'start', '-p', String(port)], {
      stdio: 'ignore',
      detached: true,
    });
    base = `http://127.0.0.1:${port}`;
  }
  project.provide('baseUrl', base);
  await waitForUrl(`${base}/de`);
  return () => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
