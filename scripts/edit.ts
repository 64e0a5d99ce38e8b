/**
 * `npm run edit`: the web editor on this working tree. Runs the site in development (`next dev`)
 * and Decap CMS's local proxy (decap-server), both on 127.0.0.1 only, and prints the editor's
 * address. Saving in the editor writes content/ here; the site shows the change on reload.
 * Settings: EDIT_PORT (3000), CMS_PROXY_PORT (8085), EDIT_ROOT (this checkout: the repository
 * whose content/ the editor changes). Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { cmsProxyPort } from '../lib/cms/proxy';
import { waitForUrl } from './lib/wait-for-url.mjs';

const root = path.resolve(import.meta.dirname, '..');
const editRoot = path.resolve(process.env.EDIT_ROOT ?? root);
const port = Number(process.env.EDIT_PORT ?? 3000);

await import('../build/cms-assets.mjs');

const children: ChildProcess[] = [];
function start(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${path.basename(args[0] ?? command)} exited (${code}); stopping`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
async function stop(code = 0) {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve(null);
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());

const proxy = start(process.execPath, ['node_modules/decap-server/dist/index.js'], {
  PORT: String(cmsProxyPort),
  BIND_HOST: '127.0.0.1',
  // Files in the working tree, no branches: the editor saves straight into content/.
  MODE: 'fs',
  GIT_REPO_DIRECTORY: editRoot,
  LOG_LEVEL: 'warn',
});
// -H localhost (127.0.0.1), not -H 127.0.0.1: with the latter Next redirects localized paths
// to themselves.
const site = start(
  process.execPath,
  ['node_modules/next/dist/bin/next', 'dev', '-H', 'localhost', '-p', String(port)],
  {
    CONTENT_DIR: path.join(editRoot, 'content'),
    CMS_PROXY_PORT: String(cmsProxyPort),
    // localhost as 127.0.0.1: where /etc/hosts also names ::1 localhost, Node would pick that.
    NODE_OPTIONS: `--dns-result-order=ipv4first ${process.env.NODE_OPTIONS ?? ''}`,
  },
);

const editor = `http://localhost:${port}/admin/`;
await waitForUrl(`http://127.0.0.1:${cmsProxyPort}/api/v1`, { child: proxy, timeoutMs: 60_000 });
await waitForUrl(editor, { child: site, timeoutMs: 120_000 });
console.log(
  `\nThe web editor: ${editor}\nThe site: http://localhost:${port}/de  (content: ${path.join(editRoot, 'content')})\nCtrl-C stops both.\n`,
);
