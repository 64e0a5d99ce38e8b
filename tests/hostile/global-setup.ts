import type { TestProject } from 'vitest/node';
import { startNext, startNginx, type Server } from '@/tests/support/serve-front';

/** `next start` and the nginx front on 127.0.0.1 (run `npm run build` first). */
export default async function setup(project: TestProject) {
  const nextPort = Number(process.env.HOSTILE_NEXT_PORT ?? 3600);
  const frontPort = Number(process.env.HOSTILE_FRONT_PORT ?? 8600);
  // The editor's login, configured against GitHub at a closed port: it answers 502 when asked.
  Object.assign(process.env, {
    CMS_GITHUB_CLIENT_ID: 'hostile-client',
    CMS_GITHUB_CLIENT_SECRET: 'hostile-secret',
    CMS_GITHUB_OAUTH_URL: 'http://127.0.0.1:9',
  });
  const servers: Server[] = [];
  const stopAll = () => Promise.all(servers.map((server) => server.stop()));
  try {
    servers.push(await startNext(nextPort));
    const front = await startNginx({ frontPort, nextPorts: [nextPort] });
    servers.push(front);
    project.provide('front', { pid: front.pid, logDir: front.logDir });
  } catch (error) {
    await stopAll();
    throw error;
  }
  project.provide('ports', { next: nextPort, front: frontPort });
  return stopAll;
}

declare module 'vitest' {
  export interface ProvidedContext {
    ports: { next: number; front: number };
    front: { pid: number; logDir: string };
  }
}
