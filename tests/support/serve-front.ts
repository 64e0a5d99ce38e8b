/**
 * Starts the built site with `next start` and deploy/nginx.conf in front of it, both on
 * 127.0.0.1, for tests and benchmarks. As a command: `npm run serve:front` (ports from
 * NEXT_PORT and FRONT_PORT, default 3000 and 8080), Ctrl-C stops both.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pageCacheControl } from '../../lib/http/security-headers';
import { waitForUrl } from '../../scripts/lib/wait-for-url.mjs';

const root = path.resolve(import.meta.dirname, '../..');

export type Server = { pid: number; url: string; stop: () => Promise<number | null> };
/** nginx: its access log lives in `logDir` (SIGUSR1 to `pid` writes out what it buffered), its
 * slots' caches in `cacheDir`. */
export type Front = Server & { logDir: string; cacheDir: string };

export function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('nginx is not installed (Debian: apt-get install -y nginx)');
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`deploy/nginx.conf no longer contains "${from}"`);
  return text.replace(from, to);
}

type Slots = { a: number[]; b: number[] };
type SitePaths = { cacheDir: string; logDir: string; root: string };

/**
 * deploy/nginx.conf with the test's ports (public, warm-up, and each slot's Next processes) and
 * its own cache, log and /srv/cc-partners directories.
 */
export function renderSiteConfig(
  { frontPort, warmPort, slots }: { frontPort: number; warmPort: number; slots: Slots },
  { cacheDir, logDir, root: srvRoot }: SitePaths,
): string {
  let conf = fs.readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8');
  conf = replaceOnce(conf, 'listen 80;', `listen 127.0.0.1:${frontPort};`);
  conf = replaceOnce(conf, 'listen 127.0.0.1:8081;', `listen 127.0.0.1:${warmPort};`);
  conf = replaceOnce(conf, '$server_port = 8081', `$server_port = ${warmPort}`);
  for (const slot of ['a', 'b'] as const) {
    const block = new RegExp(`^upstream cc_partners_${slot} \\{$[\\s\\S]*?^\\}$`, 'm');
    if (!block.test(conf)) throw new Error(`deploy/nginx.conf has no upstream cc_partners_${slot}`);
    const servers = slots[slot].map((port) => `    server 127.0.0.1:${port} max_fails=0;`);
    conf = conf.replace(
      block,
      [`upstream cc_partners_${slot} {`, ...servers, '    keepalive 16;', '}'].join('\n'),
    );
  }
  conf = conf.replaceAll('/var/cache/nginx/cc-partners', cacheDir);
  conf = conf.replaceAll('/var/log/nginx/cc-partners', logDir);
  return conf.replaceAll('/srv/cc-partners', srvRoot);
}

function stopper(child: ChildProcess, signal: NodeJS.Signals): () => Promise<number | null> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill(signal);
    });
}

/**
 * The log directory and files made by README.md's own `install` lines ("Deploy"), in `logDir`
 * (their owners left out: the modes are the point; nginx would create the logs for everyone).
 */
function installLogs(logDir: string) {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const lines = readme.match(/^install .*\/var\/log\/nginx\/cc-partners.*$/gm) ?? [];
  if (lines.length === 0)
    throw new Error('README.md no longer installs /var/log/nginx/cc-partners');
  for (const line of lines) {
    const args = line
      .replaceAll('/var/log/nginx/cc-partners', logDir)
      .replace(/ -[og] \S+/g, '')
      .split(/\s+/)
      .slice(1);
    execFileSync('install', args);
  }
}

/** `next start` on 127.0.0.1:port (the node process itself, so that signals reach it). */
export async function startNext(port: number): Promise<Server> {
  // No -H: binding to 127.0.0.1 makes localized pathnames redirect to themselves; the port is
  // still only reached through 127.0.0.1 in tests, and behind nginx in production.
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)],
    {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(`${url}/de`, { child });
  return { pid: child.pid!, url, stop: stopper(child, 'SIGTERM') };
}

type FrontOptions = {
  frontPort: number;
  /** The warm-up port (8081 in production); by default frontPort + 1. */
  warmPort?: number;
  /** Next processes already listening, for both slots; or each slot's ports and `root`, the
   * CC_ROOT whose slot file deploy/deploy.sh keeps. */
  nextPorts?: number[];
  slots?: Slots;
  root?: string;
  /** Also serve this directory as plain files on this port (the benchmark's reference). */
  staticReference?: { port: number; dir: string };
  /** How long a cached page stays fresh (nginx time, e.g. "1s"; production: 10m), so that a
   * test can make stale copies. */
  pageValidity?: string;
};

/** nginx with deploy/nginx.conf in front of `next start` processes. */
export async function startNginx({
  frontPort,
  warmPort = frontPort + 1,
  nextPorts = [],
  slots = { a: nextPorts, b: nextPorts },
  root: srvRoot,
  staticReference,
  pageValidity,
}: FrontOptions): Promise<Front> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-partners-nginx-'));
  const logDir = path.join(dir, 'log');
  installLogs(logDir);
  const cacheDir = path.join(dir, 'cache');
  fs.mkdirSync(cacheDir);
  let site = renderSiteConfig(
    { frontPort, warmPort, slots },
    { cacheDir, logDir, root: srvRoot ?? path.join(dir, 'srv') },
  );
  if (pageValidity) {
    site = replaceOnce(
      site,
      'proxy_cache_valid 200 10m;',
      `proxy_cache_valid 200 ${pageValidity};`,
    );
  }
  fs.writeFileSync(path.join(dir, 'site.conf'), site);
  // The reference answers with the headers a page gets from the front: the fixed ones, the
  // page's Cache-Control, Vary from gzip, X-Cache. Both answers then have the same size (the
  // reference's Last-Modified stands for Next's ETag), and the benchmark compares the work of
  // serving them, not how many header bytes each sends.
  const fixedHeaders = site.match(/^\s*add_header [\w-]+ ".*" always;$/gm) ?? [];
  const reference = staticReference
    ? `server {
        listen 127.0.0.1:${staticReference.port};
        server_tokens off;
        root ${staticReference.dir};
        access_log ${logDir}/reference.log cc_partners buffer=64k flush=5s;
        charset utf-8;
        etag off;
        max_ranges 0;
        gzip on;
        gzip_vary on;
        gzip_min_length 1024;
        open_file_cache max=100 inactive=60s;
        ${fixedHeaders.join('\n')}
        add_header Cache-Control "${pageCacheControl}" always;
        add_header X-Cache HIT always;
      }`
    : '';
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;' : ''}
    daemon off;
    worker_processes auto;
    pid ${dir}/nginx.pid;
    error_log ${dir}/error.log warn;
    events { worker_connections 1024; }
    http {
      include /etc/nginx/mime.types;
      default_type application/octet-stream;
      sendfile on;
      tcp_nopush on;
      access_log off;
      client_body_temp_path ${dir}/body;
      proxy_temp_path ${dir}/proxy;
      fastcgi_temp_path ${dir}/fastcgi;
      uwsgi_temp_path ${dir}/uwsgi;
      scgi_temp_path ${dir}/scgi;
      include ${dir}/site.conf;
      ${reference}
    }
`,
  );
  const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf')];
  const check = spawnSync(nginxBinary(), [...args, '-t'], { encoding: 'utf8' });
  if (check.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx -t failed:\n${check.stderr}`);
  }
  const child = spawn(nginxBinary(), args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${frontPort}`;
  await waitForUrl(`${url}/de`, { child });
  const stop = stopper(child, 'SIGQUIT');
  return {
    pid: child.pid!,
    url,
    logDir,
    cacheDir,
    stop: async () => {
      const code = await stop();
      fs.rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

if (import.meta.filename === process.argv[1]) {
  const nextPort = Number(process.env.NEXT_PORT ?? 3000);
  const frontPort = Number(process.env.FRONT_PORT ?? 8080);
  const next = await startNext(nextPort);
  const front = await startNginx({ frontPort, nextPorts: [nextPort] });
  console.log(`next start on ${next.url}, nginx front on ${front.url}; Ctrl-C stops both`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      await Promise.all([front.stop(), next.stop()]);
      process.exit(0);
    });
  }
}
