/**
 * The operator's view: the deploy timer puts a change merged into main live under load,
 * refuses a broken commit and keeps the live release; every Next process dies; deploys by hand,
 * a rollback and which hashed files a release keeps; and deploys killed during the build, during
 * the warm-up and right after the switch, from which the next run recovers by itself. All
 * behind deploy/nginx.conf on 127.0.0.1, on a scratch repository with a few dozen generated
 * partners. Prints the load figures and how long a merged change took to go live.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deploy as runDeploy,
  lines,
  logged,
  makeScratch,
  readRecord,
  type Run,
  type Running,
  type Scratch,
  start,
  startTimer,
  type Timer,
  unitCommand,
} from '@/tests/support/deploy-harness';
import { type Front, startNginx } from '@/tests/support/serve-front';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '@/scripts/lib/chromium.mjs';
import {
  field,
  logIn,
  openEditor,
  openEntry,
  publish,
  save,
  setStatus,
} from '@/tests/support/decap';
import { Git } from '@/tests/support/github/git';
import { GitHubStandIn } from '@/tests/support/github/stand-in';
import { contentCheckName } from '@/tests/support/github/workflow';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-faults-'));
const frontPort = Number(process.env.FAULTS_FRONT_PORT ?? 8750);
const warmPort = frontPort + 1;
const ports = {
  a: Number(process.env.FAULTS_PORT_A ?? 3710),
  b: Number(process.env.FAULTS_PORT_B ?? 3720),
};
const secret = `faults-secret-${process.pid}`;
// The stand-in for GitHub that the editor publishes through: its login on this port, its API on
// the next one (the releases' CMS_GITHUB_OAUTH_URL names the first).
const githubPort = Number(process.env.FAULTS_GITHUB_PORT ?? 8760);
const markedPath = '/de/partner/partner-0001';
const pwned = path.join(work, 'pwned');
const alerts = path.join(work, 'alerts');
let front: Front;
let scratch: Scratch;

const srv = (...parts: string[]) => path.join(work, 'srv', ...parts);
const deploy = (args: string[] = [], onLine?: Parameters<typeof runDeploy>[2]) =>
  runDeploy(scratch, args, onLine).done;

async function get(pathname: string, gzip = false) {
  const response = await fetch(`http://127.0.0.1:${frontPort}${pathname}`, {
    headers: { 'accept-encoding': gzip ? 'gzip' : 'identity' },
    redirect: 'manual',
  });
  return { response, text: await response.text() };
}
const marker = async () => /Marker: ([^.<]+)\./.exec((await get(markedPath)).text)?.[1];

async function sitemapPaths(): Promise<string[]> {
  const { text } = await get('/sitemap.xml');
  return [...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

function stylesheetOf(html: string) {
  return /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
}

function release(link: 'current' | 'previous') {
  return path.basename(fs.realpathSync(srv(link)));
}

/** The slot a release last ran in, and the ports of the live release's Next processes. */
const slotOf = (id: string) => fs.readFileSync(srv('releases', id, 'run/slot'), 'utf8').trim();
const liveSlot = () => (fs.existsSync(srv('slot-b-is-live')) ? 'b' : 'a');
function livePorts() {
  const slot = fs.readFileSync(srv('current/run/slot'), 'utf8').trim();
  return slot === 'a' ? [ports.a, ports.a + 1] : [ports.b, ports.b + 1];
}

/** The releases whose supervisor runs, as deploy.sh tells (a live process named run-release.sh). */
function runningReleases() {
  return fs.readdirSync(srv('releases')).filter((id) => {
    try {
      const pid = fs.readFileSync(srv('releases', id, 'run/pid'), 'utf8').trim();
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('run-release.sh');
    } catch {
      return false;
    }
  });
}

/** The live slot, current and the running release agree: the state every run must leave. */
function expectConsistent() {
  const current = release('current');
  expect(runningReleases(), 'exactly the current release runs').toEqual([current]);
  expect(liveSlot(), 'the front serves the slot current runs in').toBe(slotOf(current));
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

const status = () =>
  execFileSync('deploy/deploy.sh', ['status'], { env: scratch.env(), encoding: 'utf8' });
const attempt = () => readRecord(srv('last-attempt'));

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
  fs.writeFileSync(path.join(work, 'alert.sh'), `#!/bin/sh\nprintf '%s\\n' "$#:$*" >>${alerts}\n`, {
    mode: 0o755,
  });
  scratch = makeScratch({
    work,
    partners: 36,
    settings: {
      // A test system: placeholders (the imprint's, SITE_URL's example.org) on purpose.
      CC_STAGING: '1',
      CMS_GITHUB_REPO: '"example/partners"',
      CMS_GITHUB_CLIENT_ID: 'faults-client',
      CMS_GITHUB_CLIENT_SECRET: `'${secret}'`,
      CMS_GITHUB_OAUTH_URL: `http://127.0.0.1:${githubPort}`,
      CC_ALERT_COMMAND: path.join(work, 'alert.sh'),
    },
    environment: {
      CC_PORT_A: String(ports.a),
      CC_PORT_B: String(ports.b),
      CC_WARM_PORT: String(warmPort),
      CC_CACHE_DIR: '', // set below, once the front has made it
      CC_DRAIN_SECONDS: '3',
    },
  });
  scratch.commit('Release A', () => scratch.markPartner('release A'));
  // An editor's unpublished draft of a partner whose short name is "Main" (Decap's branch).
  execFileSync('git', ['checkout', '-qb', 'cms/partners/main'], { cwd: scratch.source });
  scratch.commit('Draft', () => scratch.markPartner('draft'));
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: scratch.source });

  front = await startNginx({
    frontPort,
    warmPort,
    slots: { a: [ports.a, ports.a + 1], b: [ports.b, ports.b + 1] },
    root: srv(),
  });
  const env = scratch.env;
  scratch.env = () => ({ ...env(), CC_CACHE_DIR: front.cacheDir });

  const first = await deploy();
  expect(first.code, lines(first).join('\n')).toBe(0);
}, 600_000);

afterAll(async () => {
  await deploy(['stop']);
  await front?.stop();
  // FAULTS_KEEP=1 keeps the releases and their logs for a look after a failure.
  if (!process.env.FAULTS_KEEP) fs.rmSync(work, { recursive: true, force: true });
});

// The stylesheets of releases A, B and C, which all differ.
let oldStylesheet = '';
let newStylesheet = '';
let stylesheetC = '';

describe('the deploy timer and the front', () => {
  let timer: Timer | undefined;
  // A failed test must not leave the timer deploying into the next ones.
  afterAll(() => timer?.stop());

  it('puts a change merged into main live by itself, under load: no error', async () => {
    const paths = await sitemapPaths();
    expect(paths.length).toBeGreaterThan(80);
    const before = await get(markedPath);
    expect(before.text).toContain('Marker: release A.');
    oldStylesheet = stylesheetOf(before.text)!;

    const steady = figures(await load(paths, 10).done);

    // The load starts once the new release is built and starting, and lasts through the switch
    // and the old release's stop, however long that takes on a slow machine (at most 5 min).
    timer = startTimer(scratch, { intervalMs: 2000 });
    let loading: ReturnType<typeof load> | undefined;
    let loadStarted = 0;
    timer.onLine((line) => {
      if (!loading && /^deploy: starting /.test(line)) {
        loadStarted = Date.now();
        loading = load(paths, 300);
      }
    });
    const merged = Date.now();
    const sha = scratch.commit('Release B', () => {
      scratch.markPartner('release B');
      fs.appendFileSync(
        path.join(scratch.source, 'app/globals.css'),
        '\n.release-b { color: #000; }\n',
      );
    });
    const run = await timer!.waitFor(
      (r) => r.code !== 0 || logged(r, / is live in slot /) !== undefined,
    );
    expect(loading, 'the timer started the new release').toBeDefined();
    // A few more seconds on the new release alone.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const loadEnded = Date.now();
    loading!.stop();
    const during = figures(await loading!.done);
    expect(run.code, lines(run).join('\n')).toBe(0);
    const at = (pattern: RegExp) => logged(run, pattern)!.at;
    const live = at(/ is live in slot /);
    const stopped = at(/^deploy: stopped /);
    const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
    console.log(
      `merged to live in ${seconds(merged, live)} s: the timer's next run after ` +
        `${seconds(merged, run.log[0]!.at)} s, fetch and checks ${seconds(run.log[0]!.at, at(/^deploy: building /))} s, ` +
        `build ${seconds(at(/^deploy: building /), at(/^deploy: starting /))} s, ` +
        `start and warm-up ${seconds(at(/^deploy: starting /), live)} s (timer every 2 s here, every minute in production)` +
        `\nload during the deploy (switch after ${seconds(loadStarted, live)} s, ` +
        `old release stopped after ${seconds(loadStarted, stopped)} s, ` +
        `load stopped after ${seconds(loadStarted, loadEnded)} s):`,
      during,
      '\nsteady state before:',
      steady,
    );
    expect(live, 'the switch happens under load').toBeLessThan(loadEnded);
    expect(stopped, 'the old release stops under load').toBeLessThan(loadEnded);
    expect(during).toMatchObject({ errors: 0, timeouts: 0, non2xx: 0 });
    expect(during.requests).toBeGreaterThan(1000);

    // Exactly main: the draft on cms/partners/main was never deployed.
    expect(attempt()).toMatchObject({ commit: sha, ref: 'refs/heads/main', result: 'live' });
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
    // The timer's next runs find the commit live and do nothing.
    const idle = await timer!.waitFor(() => true);
    expect(idle.code).toBe(0);
    expect(lines(idle)).toEqual([]);
    expectConsistent();
  });

  it('puts what an editor publishes in the web editor live by itself', async () => {
    // GitHub, as the hub the timer deploys from: the editor's change is a pull request there,
    // and "Veröffentlichen" merges it into main.
    const github = await new GitHubStandIn({
      git: new Git(scratch.hub),
      repo: 'example/partners',
      projectDir: scratch.source,
      requiredCheck: contentCheckName(),
      clientId: 'faults-client',
      clientSecret: secret,
      oauthPort: githubPort,
      apiPort: githubPort + 1,
    }).start();
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      const site = 'https://partners.example.org';
      const editor = await openEditor(await browser.newContext(), site, {
        [site]: `http://127.0.0.1:${livePorts()[0]}`,
        'https://api.github.com': github.apiUrl,
        'https://www.githubstatus.com': github.oauthUrl,
        'https://avatars.githubusercontent.com': github.oauthUrl,
        [github.oauthUrl]: github.oauthUrl,
      });
      const { page } = editor;
      await logIn(editor);
      await openEntry(editor, 'partner-0001');
      await field(page, 'seat').fill('Veröffentlicht im Editor');
      await save(page);
      await setStatus(page, 'Abgeschlossen');
      await github.checksDone();
      const published = Date.now();
      expect(await publish(page)).toEqual(['Soll dieser Beitrag wirklich veröffentlicht werden?']);
      await page.getByText('Beitrag veröffentlicht').waitFor({ timeout: 30_000 });
      const main = github.git.branch('main')!;
      expect(github.git.text(['diff', '--name-only', `${main}~1`, main])).toBe(
        'content/partners/partner-0001.de.md',
      );

      const run = await timer!.waitFor(
        (r) => r.code !== 0 || logged(r, / is live in slot /) !== undefined,
      );
      expect(run.code, lines(run).join('\n')).toBe(0);
      expect(attempt()).toMatchObject({ commit: main, ref: 'refs/heads/main', result: 'live' });
      const live = logged(run, / is live in slot /)!.at;
      expect((await get(markedPath)).text).toContain('Veröffentlicht im Editor');
      console.log(
        `published in the editor to live in ${((live - published) / 1000).toFixed(1)} s ` +
          `(timer every 2 s here, every minute in production)`,
      );
      expect(editor.problems).toEqual([]);
      expectConsistent();
    } finally {
      await browser.close();
      await github.close();
    }
  });

  it("gives the editor's client secret to the Next processes only, not to the build", () => {
    const [port] = livePorts();
    const listening = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
    const pid = /pid=(\d+)/.exec(listening)![1];
    const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    expect(environ).toContain(`CMS_GITHUB_CLIENT_SECRET=${secret}`);
    expect(environ).toContain('CMS_GITHUB_REPO=example/partners');
    const built = fs.readFileSync(srv('current/.build-env'), 'utf8').split('\n');
    expect(built).toEqual(
      expect.arrayContaining(['SITE_URL', 'CMS_GITHUB_REPO', 'CMS_GITHUB_API_URL', 'CC_STAGING']),
    );
    expect(built).not.toContain('CMS_GITHUB_CLIENT_SECRET');
  });

  it('shows that this is a staging system: status, robots.txt and noindex', async () => {
    expect(status()).toMatch(/^staging build \(CC_STAGING=1\)/m);
    const robots = await get('/robots.txt');
    expect(robots.text).toMatch(/^Disallow: \/$/m);
    expect((await get(markedPath)).text).toContain(
      '<meta name="robots" content="noindex, nofollow"',
    );
  });

  it('refuses a commit whose content check fails: the live release stays, told once', async () => {
    const subject = `Partner 0002 $(touch ${pwned}) \`touch ${pwned}\` "quoted"; exit 1`;
    const sha = scratch.commit(subject, () => {
      const file = path.join(scratch.source, 'content/partners/partner-0002.de.md');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^name: .*\n/m, ''));
    });
    await timer!.waitFor(() => attempt().commit === sha && attempt().result === 'failed', 120_000);
    expect(attempt()).toMatchObject({ step: 'content-check', tries: '1', subject });
    expect(await marker()).toBe('release B');
    expect((await get('/healthz')).response.status).toBe(200);
    const shown = status();
    expect(shown).toContain(`last attempt: ${sha.slice(0, 7)} "${subject}" (refs/heads/main)`);
    expect(shown).toMatch(/failed at its content-check step\n.*partner-0002\.de\.md:\d+: name: /);
    // The alert: one argument, the summary, with the commit message as text, never as code.
    const told = fs.readFileSync(alerts, 'utf8').trim().split('\n');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(
      /^1:cc-partners: [0-9a-f]{7} ".*" was not deployed: its content-check step failed \(.*partner-0002/,
    );
    expect(told[0]).toContain(subject);
    expect(fs.existsSync(pwned)).toBe(false);

    // Not tried again every minute: three more runs leave the attempt and the alerts alone.
    const started = attempt().started;
    for (let i = 0; i < 3; i++) await timer!.waitFor(() => true);
    expect(attempt().started).toBe(started);
    expect(fs.readFileSync(alerts, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(readRecord(srv('last-check')).outcome).toMatch(
      /^not deployed: its content-check step failed/,
    );
    await timer!.stop();
    timer = undefined;
    expectConsistent();
  });
});

describe('deploys by hand, and the front', () => {
  it('refuses to go live while the go-live check lists items, unless staging is set', async () => {
    scratch.commit('Partner 0002: the name again', () =>
      execFileSync('git', ['checkout', 'HEAD~1', '--', 'content/partners/partner-0002.de.md'], {
        cwd: scratch.source,
      }),
    );
    const run = await runDeploy(scratch, [], undefined, { CC_STAGING: '0' }).done;
    expect(run.code).toBe(1);
    expect(attempt()).toMatchObject({ step: 'launch-check', result: 'failed' });
    expect(status()).toMatch(/failed at its launch-check step\n.*\.md:\d+: \w+: is a placeholder/);
    const said = run.log.map((entry) => entry.line).join('\n');
    expect(said).toMatch(/SITE_URL: https:\/\/partners\.example\.org is not the public address/);
    expect(said).toMatch(/✗ not ready to go live: \d+ items above/);
    expect(await marker()).toBe('release B');
    expectConsistent();
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
    process.kill(-Number(fs.readFileSync(srv('current/run/pid'), 'utf8')), 'SIGKILL');
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

    // The timer's next run starts the live release again: nobody stopped it on purpose.
    const { command, args, env } = unitCommand('cc-partners-deploy.service', scratch);
    const run = await start(command, args, env, undefined, '/').done;
    expect(run.code, lines(run).join('\n')).toBe(0);
    expect(logged(run, / is live but not running: starting it again/)).toBeDefined();
    // nginx looks at the slot flag at most once a second (open_file_cache_valid 1s).
    await expect
      .poll(async () => (await get('/healthz')).response.status, { timeout: 5_000 })
      .toBe(200);
    expectConsistent();
  });

  it('serves a changed page after the next deploy, without restarting nginx', async () => {
    const workers = nginxWorkers();
    scratch.commit('Release C', () => {
      scratch.markPartner('release C');
      fs.appendFileSync(
        path.join(scratch.source, 'app/globals.css'),
        '\n.release-c { color: #000; }\n',
      );
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

  it('rolls back to the previous release, and the timer leaves it there', async () => {
    const [current, previous] = [release('current'), release('previous')];
    const run = await deploy(['rollback']);
    expect(run.code, lines(run).join('\n')).toBe(0);
    expect(release('current')).toBe(previous);
    expect(release('previous')).toBe(current);
    expect(await marker()).toBe('release B');
    const { command, args, env } = unitCommand('cc-partners-deploy.service', scratch);
    const timerRun = await start(command, args, env, undefined, '/').done;
    expect(timerRun.code).toBe(0);
    expect(readRecord(srv('last-check')).outcome).toMatch(/rolled back since/);
    expect(await marker()).toBe('release B');
  });

  it('keeps the hashed files of the live and the previous release, and no older ones', async () => {
    // Live is B (rolled back to), previous C: release D keeps both, though C's were never B's own.
    scratch.commit('Release D', () => scratch.markPartner('release D'));
    const run = await deploy();
    expect(run.code, lines(run).join('\n')).toBe(0);
    expect(await marker()).toBe('release D');
    const onDisk = (stylesheet: string) =>
      fs.existsSync(srv('current', stylesheet.replace('/_next/', '.next/')));
    for (const stylesheet of [newStylesheet, stylesheetC]) {
      expect(onDisk(stylesheet), stylesheet).toBe(true);
      const direct = await fetch(`http://127.0.0.1:${livePorts()[0]}${stylesheet}`);
      expect(direct.status, `${stylesheet} from release D itself`).toBe(200);
    }
    expect(onDisk(oldStylesheet), `${oldStylesheet} of release A`).toBe(false);
  });
});

describe('a deploy killed at any step', () => {
  let sha = '';
  /** Runs the deploy timer's command once, SIGKILLed `delay` ms after it logs `killAt`. */
  const timerRun = (killAt?: RegExp, delay = 0): Running => {
    const { command, args, env } = unitCommand('cc-partners-deploy.service', scratch);
    return start(command, args, env, killer(killAt, delay), '/');
  };
  const killer = (killAt?: RegExp, delay = 0) => {
    let armed = false;
    return (line: string, child: ChildProcess) => {
      if (armed || !killAt?.test(line)) return;
      armed = true;
      if (delay) setTimeout(() => child.kill('SIGKILL'), delay);
      else child.kill('SIGKILL');
    };
  };
  const killed = (run: Run) => expect(run.signal, lines(run).join('\n')).toBe('SIGKILL');

  it('during the build: the next run stops the build and removes the half-built release', async () => {
    sha = scratch.commit('Release E', () => scratch.markPartner('release E'));
    // Five seconds into the build: next build is at work.
    const run = await runDeploy(scratch, [], killer(/^deploy: building /, 5000)).done;
    killed(run);
    const half = srv('releases', attempt().release!);
    expect(fs.existsSync(half) && !fs.existsSync(path.join(half, '.next/own-assets'))).toBe(true);
    const group = Number(fs.readFileSync(srv('.step-pgid'), 'utf8'));
    expect(() => process.kill(-group, 0), 'the build goes on without deploy.sh').not.toThrow();
    expect(status()).toMatch(/try 1: interrupted \(the next run repairs\) at its build step/);
    expect(await marker()).toBe('release D');

    // The timer's next run repairs, tries again (it was not the commit's fault) and is killed
    // during the warm-up.
    const next = await timerRun(/^deploy: warming /, 1000).done;
    killed(next);
    expect(lines(next).join('\n')).toMatch(/stopping process group \d+, left running/);
    expect(lines(next).join('\n')).toMatch(/removing \S+, whose build did not finish/);
    expect(() => process.kill(-group, 0)).toThrow();
    expect(fs.existsSync(half)).toBe(false);
  });

  it('during the warm-up: the live release stays, the new one runs beside it', async () => {
    expect(attempt()).toMatchObject({ commit: sha, step: 'warm', tries: '2', result: 'running' });
    expect(runningReleases().sort()).toEqual([release('current'), attempt().release].sort());
    expect(await marker()).toBe('release D');
  });

  it('between the slot flag and the current link: start makes the flag follow current', async () => {
    // What an interrupted switch of the earlier deploy.sh left: the front on E, current on D.
    const e = attempt().release!;
    if (slotOf(e) === 'b') fs.writeFileSync(srv('slot-b-is-live'), '');
    else fs.rmSync(srv('slot-b-is-live'));
    await expect.poll(marker).toBe('release E');
    const { command, args, env } = unitCommand('cc-partners.service', scratch);
    const run = await start(command, args, env, undefined, '/').done;
    expect(run.code, lines(run).join('\n')).toBe(0);
    expect(lines(run).join('\n')).toMatch(
      /the front served slot ., but current is \S+ in slot .: /,
    );
    expect(await marker()).toBe('release D');
    expectConsistent();
    expect(attempt()).toMatchObject({ result: 'interrupted', step: 'warm' });
  });

  it('right after the switch: the next run stops the old release and sets previous', async () => {
    const d = release('current');
    const run = await timerRun(/ is live in slot /).done;
    killed(run);
    expect(lines(run).join('\n')).toMatch(
      /reusing \S+, built from [0-9a-f]{7} with the same settings/,
    );
    // nginx looks at the slot flag at most a second late.
    await expect.poll(marker).toBe('release E');
    expect(runningReleases()).toContain(d);

    const next = await timerRun().done;
    expect(next.code, lines(next).join('\n')).toBe(0);
    expect(lines(next).join('\n')).toMatch(new RegExp(`stopping ${d}, running beside the live`));
    expect(release('previous')).toBe(d);
    expect(attempt()).toMatchObject({ commit: sha, result: 'live', tries: '3' });
    expectConsistent();
    const standby = liveSlot() === 'a' ? ports.b : ports.a;
    expect(await refuses(standby)).toBe(true);
    expect(await marker()).toBe('release E');
    expect((await get('/healthz')).response.status).toBe(200);
  });
});
