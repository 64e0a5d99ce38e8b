/**
 * deploy/ without a build or nginx, in a few seconds: shellcheck on its scripts, systemd-analyze
 * on its units, and deploy/deploy.sh's refusals, records and repairs on tiny repositories and
 * fake releases. `npm run test:faults` runs the real thing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-deploy-script-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const isRoot = process.getuid?.() === 0;
let counter = 0;

/** A fresh CC_ROOT and a settings file (mode 0640) with these lines. */
function setup(lines: string[] = []) {
  const dir = path.join(work, `case-${++counter}`);
  fs.mkdirSync(dir);
  const envFile = path.join(dir, 'env');
  fs.writeFileSync(envFile, lines.map((line) => `${line}\n`).join(''));
  fs.chmodSync(envFile, 0o640);
  return { dir, envFile, srv: path.join(dir, 'srv') };
}

type Result = { status: number | null; stdout: string; stderr: string };
function run(args: string[], env: Record<string, string>, as?: string[]): Result {
  const inherited = { ...process.env };
  for (const key of Object.keys(inherited)) {
    if (/^(CC_|SITE_URL$|CMS_GITHUB_)/.test(key)) delete inherited[key];
  }
  const [command, ...rest] = as
    ? [...as, 'deploy/deploy.sh', ...args]
    : ['deploy/deploy.sh', ...args];
  const result = spawnSync(command!, rest, {
    cwd: root,
    env: { ...inherited, CC_DRAIN_SECONDS: '0', CC_CACHE_DIR: path.join(work, 'cache'), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function record(file: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('deploy/ for the operator', () => {
  it('has shell scripts (deploy/ and scripts/) that pass shellcheck', () => {
    const scripts = ['deploy', 'scripts'].flatMap((dir) =>
      fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.sh'))
        .map((name) => `${dir}/${name}`),
    );
    expect(scripts).toEqual(
      expect.arrayContaining([
        'deploy/deploy.sh',
        'deploy/run-release.sh',
        'scripts/use-node24.sh',
      ]),
    );
    const result = spawnSync('shellcheck', scripts, { encoding: 'utf8' });
    expect(result.error, 'shellcheck is installed (apt-get install shellcheck)').toBeUndefined();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('has systemd units that systemd-analyze verifies without a word', () => {
    const units = fs.readdirSync('deploy').filter((name) => /\.(service|timer)$/.test(name));
    expect(units.sort()).toEqual([
      'cc-partners-deploy.service',
      'cc-partners-deploy.timer',
      'cc-partners.service',
    ]);
    const dir = fs.mkdtempSync(path.join(work, 'units-'));
    for (const unit of units) {
      // The commands as installed: deploy.sh of the live release, here this checkout's.
      const text = fs.readFileSync(`deploy/${unit}`, 'utf8');
      fs.writeFileSync(path.join(dir, unit), text.replaceAll('/srv/cc-partners/current', root));
    }
    const result = spawnSync('systemd-analyze', ['verify', ...units], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(result.error, 'systemd-analyze is installed (apt-get install systemd)').toBeUndefined();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs `deploy.sh auto` every minute, and the README enables it', () => {
    const service = fs.readFileSync('deploy/cc-partners-deploy.service', 'utf8');
    expect(service).toMatch(/^ExecStart=\/srv\/cc-partners\/current\/deploy\/deploy\.sh auto$/m);
    expect(service).toMatch(/^User=www-data$/m);
    const calendar = /^OnCalendar=(.*)$/m.exec(
      fs.readFileSync('deploy/cc-partners-deploy.timer', 'utf8'),
    )![1]!;
    const next = execFileSync('systemd-analyze', ['calendar', '--iterations=3', calendar], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' },
    });
    const times = [...next.matchAll(/(?:Next elapse|Iter\. #\d): \w+ (\S+ \S+) UTC/g)].map((m) =>
      Date.parse(`${m[1]}Z`),
    );
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBe(60_000);
    expect(times[2]! - times[1]!).toBe(60_000);
    const readme = fs.readFileSync('README.md', 'utf8');
    expect(readme).toContain('systemctl enable --now cc-partners-deploy.timer');
    expect(readme).toContain('install -m 0640 -o root -g www-data');
  });
});

describe('the settings file (CC_ENV_FILE)', () => {
  it('is read as KEY=value lines: nothing in it runs, the environment wins', () => {
    const pwned = path.join(work, 'pwned');
    const { dir, envFile } = setup([
      '# the settings',
      '',
      `CC_ROOT="${path.join(work, 'from-the-file')}"`,
      `SITE_URL=$(touch ${pwned})`,
      `CMS_GITHUB_REPO=\`touch ${pwned}\``,
      `CMS_GITHUB_CLIENT_SECRET='a secret; touch ${pwned}'`,
    ]);
    const fromFile = run(['status'], { CC_ENV_FILE: envFile });
    expect(fromFile.status, fromFile.stderr).toBe(0);
    expect(fromFile.stdout).toContain(`releases in ${path.join(work, 'from-the-file')}/releases`);
    const fromEnv = run(['status'], { CC_ENV_FILE: envFile, CC_ROOT: dir });
    expect(fromEnv.stdout).toContain(`releases in ${dir}/releases`);
    expect(fs.existsSync(pwned)).toBe(false);
  });

  it.each([
    ['echo hello', /env:2 \(CC_ENV_FILE\) is not a KEY=value line/],
    ['export SITE_URL=https://a.example', /env:2 \(CC_ENV_FILE\) is not a KEY=value line/],
    ['site_url=x', /env:2 \(CC_ENV_FILE\) is not a KEY=value line/],
    ['BASH_ENV=/tmp/x', /env:2 \(CC_ENV_FILE\) sets BASH_ENV, which would run code: remove it/],
  ])('refuses the line %s, naming the file and line', (line, message) => {
    const { envFile, srv } = setup(['SITE_URL=https://partners.example.org', line]);
    const result = run(['status'], { CC_ENV_FILE: envFile, CC_ROOT: srv });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it.each([
    ['CC_PROCESSES=x[$(touch PWNED)]', /CC_PROCESSES is "x\[\$\(touch .*\)\]": a whole number/],
    ['CC_PORT_A=3000+1', /CC_PORT_A is "3000\+1": a whole number/],
    ['CC_HEALTH_TIMEOUT=ninety', /CC_HEALTH_TIMEOUT is "ninety": a whole number/],
    ['CC_PROCESSES=0', /CC_PROCESSES is 0: at least 1 Next process per slot/],
  ])('refuses the number %s without evaluating it', (line, message) => {
    const pwned = path.join(work, 'pwned-number');
    const { envFile, srv } = setup([
      'SITE_URL=https://partners.example.org',
      line.replace('PWNED', pwned),
    ]);
    const result = run(['status'], { CC_ENV_FILE: envFile, CC_ROOT: srv });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(fs.existsSync(pwned)).toBe(false);
  });

  it.each([
    [0o666, /is writable by others than its owner \(mode 666\): install -m 0640 -o root -g \S+ /],
    [0o620, /is writable by others than its owner \(mode 620\)/],
    [0o644, /is readable by everyone and holds the editor's client secret \(mode 644\)/],
  ])('refuses a file of mode %o, saying how to install it', (mode, message) => {
    const { envFile, srv } = setup(['SITE_URL=https://partners.example.org']);
    fs.chmodSync(envFile, mode);
    const result = run(['start'], { CC_ENV_FILE: envFile, CC_ROOT: srv });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(fs.existsSync(srv), 'refused before anything else').toBe(false);
  });

  it('refuses a missing or unreadable file, or one another user owns', () => {
    const { dir, envFile, srv } = setup(['SITE_URL=https://partners.example.org']);
    const missing = run(['auto'], { CC_ENV_FILE: path.join(dir, 'nope'), CC_ROOT: srv });
    expect(missing.stderr).toMatch(
      /nope \(CC_ENV_FILE\) does not exist: create it .* or set CC_ENV_FILE= for none/,
    );
    const directory = run(['auto'], { CC_ENV_FILE: dir, CC_ROOT: srv });
    expect(directory.stderr).toMatch(
      /\(CC_ENV_FILE\) is not a file that \S+ can read: install -m 0640/,
    );
    if (isRoot) {
      // Readable by its group (root) only: the nobody user cannot read it.
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(work, 0o755);
      const nobody = run(['status'], { CC_ENV_FILE: envFile, CC_ROOT: srv }, [
        'setpriv',
        '--reuid=nobody',
        '--regid=nogroup',
        '--clear-groups',
      ]);
      expect(nobody.stderr).toMatch(
        /\(CC_ENV_FILE\) is not a file that nobody can read: install -m 0640 -o root -g nogroup/,
      );
      fs.chownSync(envFile, 12345, 0);
      const owned = run(['status'], { CC_ENV_FILE: envFile, CC_ROOT: srv });
      expect(owned.stderr).toMatch(/belongs to user 12345, not root/);
    }
    for (const result of [missing, directory]) expect(result.status).toBe(1);
    expect(run(['status'], { CC_ENV_FILE: '', CC_ROOT: srv }).status, 'CC_ENV_FILE= for none').toBe(
      0,
    );
  });
});

describe('deploy.sh and refs', () => {
  const source = path.join(work, 'source');
  const alerts = path.join(work, 'alerts');
  const pwned = path.join(work, 'pwned-by-subject');
  const subject = `Broken $(touch ${pwned}) \`touch ${pwned}\` "quoted"; exit 1`;
  let main = '';
  let env: Record<string, string> = {};
  let srv = '';
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@localhost', ...args], {
      cwd: source,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  const told = () =>
    fs.existsSync(alerts) ? fs.readFileSync(alerts, 'utf8').trim().split('\n') : [];

  beforeAll(() => {
    // No package-lock.json: npm ci fails, and with it the deploy at its install step.
    fs.mkdirSync(source);
    git('init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(source, 'a'), 'a\n');
    git('add', 'a');
    git('commit', '-qm', subject);
    main = git('rev-parse', 'HEAD');
    git('tag', 'main');
    git('checkout', '-qb', 'cms/partners/main');
    fs.writeFileSync(path.join(source, 'a'), 'draft\n');
    git('commit', '-qam', 'An editor’s draft');
    git('switch', '-q', 'main');
    fs.writeFileSync(
      path.join(work, 'alert.sh'),
      `#!/bin/sh\nprintf '%s\\n' "$#:$1" >>${alerts}\n`,
      {
        mode: 0o755,
      },
    );
    const settings = setup([
      'SITE_URL=https://partners.example.org',
      `CC_SOURCE=${source}`,
      `CC_ALERT_COMMAND=${path.join(work, 'alert.sh')}`,
    ]);
    srv = settings.srv;
    env = { CC_ENV_FILE: settings.envFile, CC_ROOT: srv };
  });

  it('refuses an ambiguous or missing CC_REF, naming it', () => {
    const ambiguous = run(['deploy'], { ...env, CC_REF: 'main' });
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toMatch(
      /CC_REF=main is ambiguous in \S+ \(refs\/heads\/main refs\/tags\/main\): set CC_REF to the full name/,
    );
    const missing = run(['deploy'], { ...env, CC_REF: 'mai' });
    expect(missing.stderr).toMatch(
      /CC_REF=mai: \S+ has no such branch or tag; set CC_REF to one it has/,
    );
    expect(fs.existsSync(path.join(srv, 'last-attempt')), 'nothing was attempted').toBe(false);
  });

  it.runIf(isRoot)('fetches from a source directory that another user owns', () => {
    const foreign = path.join(work, 'foreign-source');
    fs.cpSync(source, foreign, { recursive: true });
    execFileSync('chown', ['-R', '65534:65534', foreign]);
    const settings = setup(['SITE_URL=https://partners.example.org', `CC_SOURCE=${foreign}`]);
    const result = run(['deploy'], {
      CC_ENV_FILE: settings.envFile,
      CC_ROOT: settings.srv,
      CC_REF: 'refs/heads/main',
    });
    // Past the listing and the fetch, at the install (this source has no package-lock.json).
    expect(result.stderr).not.toMatch(/dubious ownership|cannot list the branches/);
    expect(record(path.join(settings.srv, 'last-attempt'))).toMatchObject({
      commit: main,
      step: 'install',
    });
  });

  it('auto deploys exactly refs/heads/main, and stops at the first step that fails', () => {
    const result = run(['auto'], env);
    expect(result.status).toBe(1);
    expect(record(path.join(srv, 'last-attempt'))).toMatchObject({
      commit: main,
      ref: 'refs/heads/main',
      subject,
      result: 'failed',
      step: 'install',
      tries: '1',
    });
    // errexit holds inside the steps: nothing after the failed npm ci ran.
    expect(result.stderr).toMatch(/error: npm ci failed in \S+; see \S+last-attempt\.log/);
    expect(result.stderr).not.toMatch(/content check/);
    expect(fs.readdirSync(path.join(srv, 'releases')), 'the half-made release is gone').toEqual([]);
    // The alert: one argument, the commit message in it as text.
    expect(told()).toEqual([
      expect.stringMatching(
        /^1:cc-partners: [0-9a-f]{7} ".*" was not deployed: its install step failed \(npm error/,
      ),
    ]);
    expect(told()[0]).toContain(subject);
    expect(fs.existsSync(pwned)).toBe(false);
    const status = run(['status'], env).stdout;
    expect(status).toContain(`last attempt: ${main.slice(0, 7)} "${subject}" (refs/heads/main)`);
    expect(status).toMatch(/try 1: failed at its install step\n  npm error /);
  });

  it('does not try a failed commit again; a deploy by hand or a new commit does', () => {
    const { started } = record(path.join(srv, 'last-attempt'));
    const again = run(['auto'], env);
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('');
    expect(record(path.join(srv, 'last-attempt')).started).toBe(started);
    expect(record(path.join(srv, 'last-check')).outcome).toMatch(
      /^not deployed: its install step failed at .*; waiting for a new commit \(or run deploy\.sh\)$/,
    );
    expect(told()).toHaveLength(1);

    const byHand = run(['deploy'], { ...env, CC_REF: 'refs/heads/main' });
    expect(byHand.status).toBe(1);
    expect(record(path.join(srv, 'last-attempt'))).toMatchObject({ commit: main, tries: '1' });
    expect(told()).toHaveLength(2);

    fs.writeFileSync(path.join(source, 'a'), 'b\n');
    git('commit', '-qam', 'Next');
    expect(run(['auto'], env).status).toBe(1);
    expect(record(path.join(srv, 'last-attempt')).commit).toBe(git('rev-parse', 'HEAD'));
    expect(told()).toHaveLength(3);
  });

  it('names the setting when the branch is missing, and tells it once, not every minute', () => {
    const branch = { ...env, CC_BRANCH: 'production' };
    const first = run(['auto'], branch);
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(
      /CC_BRANCH=refs\/heads\/production: \S+ has no such branch or tag; set CC_BRANCH/,
    );
    expect(run(['auto'], branch).status).toBe(1);
    expect(
      told().filter((line) => line.includes('could not check refs/heads/production')),
    ).toHaveLength(1);
    expect(run(['status'], branch).stdout).toMatch(
      /last check of refs\/heads\/production at \S+: error: CC_BRANCH=/,
    );
  });

  it.each([
    [{ CC_STAGING: 'yes' }, /CC_STAGING is "yes": 1 for a staging or test system/],
    [{ CC_SOURCE: '/nonexistent' }, /cannot list the branches of \/nonexistent: check CC_SOURCE/],
  ])('refuses %o, naming the setting', (extra, message) => {
    const result = run(['auto'], { ...env, CC_ENV_FILE: '', ...extra });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it('refuses to deploy without SITE_URL, naming the settings file', () => {
    const settings = setup([`CC_SOURCE=${source}`]);
    const result = run(['deploy'], { CC_ENV_FILE: settings.envFile, CC_ROOT: settings.srv });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /SITE_URL is not set: put the public address \(SITE_URL=https:\/\/…\) in \S+\/env/,
    );
    expect(record(path.join(settings.srv, 'last-attempt'))).toMatchObject({
      result: 'failed',
      step: 'settings',
    });
  });
});

describe('deploy.sh repairs what an interrupted run left', () => {
  it('sets the slot flag from current, stops what runs beside it, removes half-built releases', async () => {
    const { srv } = setup();
    const releases = path.join(srv, 'releases');
    const make = (id: string, built: boolean) => {
      fs.mkdirSync(path.join(releases, id, '.next'), { recursive: true });
      fs.mkdirSync(path.join(releases, id, 'run'));
      if (built) fs.writeFileSync(path.join(releases, id, '.next/own-assets'), '');
      return path.join(releases, id);
    };
    const live = make('1-live', true);
    fs.writeFileSync(path.join(live, 'run/slot'), 'b\n');
    fs.symlinkSync(live, path.join(srv, 'current'));
    const half = make('2-half', false);
    // A release left running by a deploy killed during its warm-up.
    const stray = make('3-stray', true);
    fs.mkdirSync(path.join(stray, 'deploy'));
    fs.writeFileSync(
      path.join(stray, 'deploy/run-release.sh'),
      "#!/bin/bash\necho $$ >run/pid\ntrap 'exit 0' TERM\nwhile :; do sleep 0.2; done\n",
      { mode: 0o755 },
    );
    // Both in sessions of their own, no children of this process (as after a SIGKILLed deploy).
    execFileSync('setsid', ['-f', 'deploy/run-release.sh'], { cwd: stray, stdio: 'ignore' });
    fs.writeFileSync(path.join(stray, 'run/slot'), 'a\n');
    // And the build of a deploy killed during it, still at work in its own process group.
    execFileSync('setsid', ['-f', 'sh', '-c', `echo $$ >${srv}/.step-pgid; exec sleep 60`], {
      cwd: half,
      stdio: 'ignore',
    });
    fs.writeFileSync(
      path.join(srv, 'last-attempt'),
      'commit=0123456789abcdef0123456789abcdef01234567\nref=refs/heads/main\nsubject=x\nresult=running\nstep=build\ntries=1\nrelease=2-half\npid=999999\n',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const supervisor = Number(fs.readFileSync(path.join(stray, 'run/pid'), 'utf8'));
    const build = Number(fs.readFileSync(path.join(srv, '.step-pgid'), 'utf8'));
    const env = { CC_ENV_FILE: '', CC_ROOT: srv };
    expect(run(['status'], env).stdout).toMatch(
      /try 1: interrupted \(the next run repairs\) at its build step/,
    );

    // The slot port start would use is taken: it says which setting moves it.
    const taken = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => taken.once('listening', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const result = run(['start'], { ...env, CC_PORT_A: String(port) });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/interrupted during its build step: repairing/);
      expect(result.stderr).toMatch(
        /stopping process group \d+, left running by an interrupted deploy/,
      );
      expect(result.stderr).toMatch(
        /the front served slot a, but current is 1-live in slot b: slot b is live again/,
      );
      expect(result.stderr).toMatch(/stopping 3-stray, running beside the live release/);
      expect(result.stderr).toMatch(/removing 2-half, whose build did not finish/);
      expect(result.stderr).toMatch(
        new RegExp(`port ${port} of slot a is in use: stop what listens there, or set CC_PORT_A`),
      );
    } finally {
      taken.close();
    }
    expect(fs.existsSync(path.join(srv, 'slot-b-is-live'))).toBe(true);
    expect(fs.readdirSync(releases).sort()).toEqual(['1-live', '3-stray']);
    for (const pid of [supervisor, build])
      expect(() => process.kill(pid, 0), String(pid)).toThrow();
    expect(record(path.join(srv, 'last-attempt'))).toMatchObject({
      result: 'interrupted',
      step: 'build',
    });
  });
});
