/**
 * The operator's view: deploy/deploy.sh replaces a release under load, every Next process dies,
 * Next comes back with changed content, a rollback and one more deploy (which hashed files a
 * release keeps), all behind deploy/nginx.conf on
 * 127.0.0.1, on a scratch repository with a few dozen generated partners. Prints the load
 * figures (requests, errors, latency during the deploy against steady state).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent } from '@/tests/support/generate-content';
import { type Front, startNginx } from '@/tests/support/serve-front';

const root = process.cwd();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-faults-'));
const source = path.join(work, 'source');
const frontPort = Number(process.env.FAULTS_FRONT_PORT ?? 8750);
const warmPort = frontPort + 1;
const ports = {
  a: Number(process.env.FAULTS_PORT_A ?? 3710),
  b: Number(process.env.FAULTS_PORT_B ?? 3720),
};
const marked = 'content/partners/partner-0001.de.md';
const markedPath = '/de/partner/partner-0001';
let front: Front;

const env = () => ({
  ...process.env,
  CC_ROOT: path.join(work, 'srv'),
  CC_SOURCE: source,
  CC_PORT_A: String(ports.a),
  CC_PORT_B: String(ports.b),
  CC_WARM_PORT: String(warmPort),
  CC_CACHE_DIR: front.cacheDir,
  CC_DRAIN_SECONDS: '3',
  CC_ENV_FILE: '/dev/null',
  SITE_URL: 'https://partners.example.org',
  NEXT_TELEMETRY_DISABLED: '1',
});

type Run = { code: number | null; log: { at: number; line: string }[] };

/** deploy/deploy.sh as the README runs it; `onLine` sees each line it logs, as it logs it. */
function deploy(args: string[] = [], onLine: (line: string) => void = () => {}): Promise<Run> {
  const log: Run['log'] = [];
  const child = spawn('deploy/deploy.sh', args, { cwd: root, env: env() });
  let buffer = '';
  child.stderr.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      log.push({ at: Date.now(), line });
      onLine(line);
    }
  });
  child.stdout.resume();
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, log })));
}

/** What deploy.sh and the warm-up said (the build's own output left out), for failure messages. */
const lines = (run: Run) =>
  run.log.map((entry) => entry.line).filter((l) => /^(deploy|warm-front|  )/.test(l));

/** Commits a change to the scratch repository, as an editor or developer would. */
function commit(message: string, change: () => void) {
  change();
  execFileSync('git', ['add', '-A'], { cwd: source });
  execFileSync('git', ['commit', '-qm', message], { cwd: source });
}

function markPartner(text: string) {
  const file = path.join(source, marked);
  const body = fs.readFileSync(file, 'utf8').replace(/\n\nMarker: .*\n$/, '\n');
  fs.writeFileSync(file, `${body}\nMarker: ${text}.\n`);
}

async function get(pathname: string, gzip = false) {
  const response = await fetch(`http://127.0.0.1:${frontPort}${pathname}`, {
    headers: { 'accept-encoding': gzip ? 'gzip' : 'identity' },
    redirect: 'manual',
  });
  return { response, text: await response.text() };
}

async function sitemapPaths(): Promise<string[]> {
  const { text } = await get('/sitemap.xml');
  return [...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

function stylesheetOf(html: string) {
  return /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
}

function release(link: 'current' | 'previous') {
  return path.basename(fs.realpathSync(path.join(work, 'srv', link)));
}

/** The ports of the live release's Next processes. */
function livePorts() {
  const slot = fs.readFileSync(path.join(work, 'srv/current/run/slot'), 'utf8').trim();
  return slot === 'a' ? [ports.a, ports.a + 1] : [ports.b, ports.b + 1];
}

/** nginx's worker processes: the same pids mean it was neither restarted nor reloaded. */
function nginxWorkers() {
  return execFileSync('pgrep', ['-P', String(front.pid)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .sort();
}

function refuses(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

/** Load through the front for `duration` seconds, or until `stop()` is called. */
function load(paths: string[], duration: number) {
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: `http://127.0.0.1:${frontPort}`,
        connections: 50,
        duration,
        headers: { 'accept-encoding': 'gzip' },
        requests: paths.map((p) => ({ method: 'GET', path: p })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  return { done, stop: () => instance!.stop() };
}

const figures = (result: autocannon.Result) => ({
  requests: result.requests.total,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  p50: result.latency.p50,
  p99: result.latency.p99,
});

beforeAll(async () => {
  // The project as it stands (committed or not), with generated partners, as its own repository.
  fs.mkdirSync(source);
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
    },
  );
  execFileSync(
    'tar',
    ['--null', '--ignore-failed-read', '-T', '-', '-cf', path.join(work, 'src.tar')],
    {
      cwd: root,
      input: files,
    },
  );
  execFileSync('tar', ['-xf', path.join(work, 'src.tar'), '-C', source]);
  generateContent(path.join(source, 'content'), 36);
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: source });
  execFileSync('git', ['config', 'user.name', 'Test'], { cwd: source });
  execFileSync('git', ['config', 'user.email', 'test@localhost'], { cwd: source });
  commit('Release A', () => markPartner('release A'));
  // Packages for the same lock file: deploy.sh links them instead of running npm ci.
  const modules = [path.join(root, 'node_modules'), path.join(source, 'node_modules')];
  try {
    execFileSync('cp', ['-al', ...modules], { stdio: 'ignore' });
  } catch {
    // Another file system (e.g. /tmp on tmpfs): a copy, then.
    fs.rmSync(modules[1]!, { recursive: true, force: true });
    execFileSync('cp', ['-a', ...modules]);
  }

  front = await startNginx({
    frontPort,
    warmPort,
    slots: { a: [ports.a, ports.a + 1], b: [ports.b, ports.b + 1] },
    root: path.join(work, 'srv'),
  });

  const first = await deploy();
  expect(first.code, lines(first).join('\n')).toBe(0);
}, 600_000);

afterAll(async () => {
  await deploy(['stop']);
  await front?.stop();
  // FAULTS_KEEP=1 keeps the releases and their logs for a look after a failure.
  if (!process.env.FAULTS_KEEP) fs.rmSync(work, { recursive: true, force: true });
});

describe('deploy/deploy.sh and the front', () => {
  // The stylesheets of releases A, B and C, which all differ.
  let oldStylesheet = '';
  let newStylesheet = '';
  let stylesheetC = '';

  it('replaces the release under load: no error, then the new release', async () => {
    const paths = await sitemapPaths();
    expect(paths.length).toBeGreaterThan(80);
    const before = await get(markedPath);
    expect(before.text).toContain('Marker: release A.');
    oldStylesheet = stylesheetOf(before.text)!;
    commit('Release B', () => {
      markPartner('release B');
      fs.appendFileSync(path.join(source, 'app/globals.css'), '\n.release-b { color: #000; }\n');
    });

    const steady = figures(await load(paths, 10).done);

    // The load starts once the new release is built and starting, and lasts through the switch
    // and the old release's stop, however long that takes on a slow machine (at most 5 min).
    let loading: ReturnType<typeof load> | undefined;
    let loadStarted = 0;
    const run = await deploy([], (line) => {
      if (!loading && /^deploy: starting /.test(line)) {
        loadStarted = Date.now();
        loading = load(paths, 300);
      }
    });
    expect(loading, 'the deploy started the new release').toBeDefined();
    // A few more seconds on the new release alone.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const loadEnded = Date.now();
    loading!.stop();
    const during = figures(await loading!.done);
    expect(run.code, lines(run).join('\n')).toBe(0);
    const live = run.log.find((entry) => / is live in slot /.test(entry.line))!;
    const stopped = run.log.find((entry) => /^deploy: stopped /.test(entry.line))!;
    console.log(
      `load during the deploy (switch after ${((live.at - loadStarted) / 1000).toFixed(1)} s, ` +
        `old release stopped after ${((stopped.at - loadStarted) / 1000).toFixed(1)} s, ` +
        `load stopped after ${((loadEnded - loadStarted) / 1000).toFixed(1)} s):`,
      during,
      '\nsteady state before:',
      steady,
    );
    expect(live.at, 'the switch happens under load').toBeLessThan(loadEnded);
    expect(stopped.at, 'the old release stops under load').toBeLessThan(loadEnded);
    expect(during).toMatchObject({ errors: 0, timeouts: 0, non2xx: 0 });
    expect(during.requests).toBeGreaterThan(1000);

    const after = await get(markedPath);
    expect(after.text).toContain('Marker: release B.');
    newStylesheet = stylesheetOf(after.text)!;
    expect(newStylesheet).not.toBe(oldStylesheet);
    // A page of either release finds its stylesheet, even with the old release stopped.
    for (const stylesheet of [oldStylesheet, newStylesheet]) {
      expect((await get(stylesheet)).response.status, stylesheet).toBe(200);
      const direct = await fetch(`http://127.0.0.1:${livePorts()[0]}${stylesheet}`);
      expect(direct.status, `${stylesheet} from the new release itself`).toBe(200);
    }
  });

  it('starts a crashed next start again, while the other process answers', async () => {
    const [port] = livePorts();
    // The process listening on that port (Next renames itself next-server).
    const listening = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
    const pid = /pid=(\d+)/.exec(listening)?.[1];
    expect(pid, listening).toBeDefined();
    process.kill(Number(pid), 'SIGKILL');
    await expect.poll(() => refuses(port!)).toBe(true);
    const during = await get(markedPath);
    expect(during.response.status).toBe(200);
    await expect
      .poll(
        async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status,
        {
          timeout: 30_000,
        },
      )
      .toBe(200);
  });

  it('answers every sitemap URL and unknown paths with every Next process killed', async () => {
    const paths = await sitemapPaths();
    const current = path.join(work, 'srv', 'current');
    process.kill(-Number(fs.readFileSync(path.join(current, 'run/pid'), 'utf8')), 'SIGKILL');
    for (const port of livePorts()) await expect.poll(() => refuses(port)).toBe(true);

    const failed: string[] = [];
    for (const pathname of paths) {
      for (const gzip of [false, true]) {
        const { response } = await get(pathname, gzip);
        const headers = response.headers;
        if (
          response.status !== 200 ||
          !headers.get('content-security-policy')?.includes("script-src 'none'") ||
          !headers.get('strict-transport-security')
        )
          failed.push(`${pathname} (${gzip ? 'gzip' : 'plain'}): ${response.status}`);
      }
    }
    const total = paths.length * 2;
    console.log(
      `with every Next process dead: ${total - failed.length} of ${total} sitemap answers`,
    );
    expect(failed).toEqual([]);
    for (const [pathname, title] of [
      ['/de/gibt-es-nicht', 'Seite nicht gefunden'],
      ['/en/no/such/page', 'Page not found'],
      ['/de/partner/partner-0001?utm_source=newsletter', 'Marker: release B.'],
    ] as const) {
      const { response, text } = await get(pathname);
      expect(response.status, pathname).toBe(pathname.includes('?') ? 200 : 404);
      expect(text, pathname).toContain(title);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
    const home = await get('/');
    expect(home.response.status).toBe(302);
    expect(home.response.headers.get('location')).toBe('/de');
    expect((await get('/healthz')).response.status).toBe(503);
  });

  it('serves a changed page once Next is back, after the deploy, without restarting nginx', async () => {
    const workers = nginxWorkers();
    commit('Release C', () => {
      markPartner('release C');
      fs.appendFileSync(path.join(source, 'app/globals.css'), '\n.release-c { color: #000; }\n');
    });
    const run = await deploy();
    expect(run.code, lines(run).join('\n')).toBe(0);
    const page = await get(markedPath);
    expect(page.text).toContain('Marker: release C.');
    expect(page.response.headers.get('x-cache')).toBe('HIT');
    stylesheetC = stylesheetOf(page.text)!;
    expect([oldStylesheet, newStylesheet]).not.toContain(stylesheetC);
    expect((await get('/healthz')).response.status).toBe(200);
    expect(nginxWorkers(), 'nginx was not restarted or reloaded').toEqual(workers);
  });

  it('rolls back to the previous release', async () => {
    const [current, previous] = [release('current'), release('previous')];
    const run = await deploy(['rollback']);
    expect(run.code, lines(run).join('\n')).toBe(0);
    expect(release('current')).toBe(previous);
    expect(release('previous')).toBe(current);
    expect((await get(markedPath)).text).toContain('Marker: release B.');
  });

  it('keeps the hashed files of the live and the previous release, and no older ones', async () => {
    // Live is B (rolled back to), previous C: release D keeps both, though C's were never B's own.
    commit('Release D', () => markPartner('release D'));
    const run = await deploy();
    expect(run.code, lines(run).join('\n')).toBe(0);
    expect((await get(markedPath)).text).toContain('Marker: release D.');
    const onDisk = (stylesheet: string) =>
      fs.existsSync(path.join(work, 'srv/current', stylesheet.replace('/_next/', '.next/')));
    for (const stylesheet of [newStylesheet, stylesheetC]) {
      expect(onDisk(stylesheet), stylesheet).toBe(true);
      const direct = await fetch(`http://127.0.0.1:${livePorts()[0]}${stylesheet}`);
      expect(direct.status, `${stylesheet} from release D itself`).toBe(200);
    }
    expect(onDisk(oldStylesheet), `${oldStylesheet} of release A`).toBe(false);
  });
});
