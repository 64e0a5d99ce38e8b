/**
 * What `npm run test:faults` and `npm run bench:publish` share: a scratch repository of the
 * project as it stands (committed or not) with generated partners and its own settings file,
 * deploy/deploy.sh run as README.md tells an operator to, and the deploy timer, which runs
 * deploy/cc-partners-deploy.service's command every few seconds instead of every minute.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateContent } from './generate-content';

const root = path.resolve(import.meta.dirname, '../..');

type Env = Record<string, string | undefined>;

export type Run = {
  code: number | null;
  signal: NodeJS.Signals | null;
  log: { at: number; line: string }[];
};
export type Running = { child: ChildProcess; done: Promise<Run> };

/** What deploy.sh and the warm-up said (the build's own output left out), for failure messages. */
export const lines = (run: Run) =>
  run.log.map((entry) => entry.line).filter((l) => /^(deploy|warm-front|  )/.test(l));

/** The first line of a run that matches, with the time it was written. */
export const logged = (run: Run, pattern: RegExp) =>
  run.log.find((entry) => pattern.test(entry.line));

export type Scratch = {
  work: string;
  /** A clone where commits are made, as on a developer's machine; `commit` pushes them to `hub`. */
  source: string;
  /** The bare repository deploy.sh fetches from (CC_SOURCE), as from GitHub. */
  hub: string;
  /** CC_ROOT */
  srv: string;
  envFile: string;
  commit: (message: string, change: () => void) => string;
  markPartner: (text: string, file?: string) => void;
  /** deploy.sh's environment: the test's ports and directories, nothing of the caller's CC_*. */
  env: () => NodeJS.ProcessEnv;
};

type ScratchOptions = {
  work: string;
  partners: number;
  /** KEY=value lines of the settings file (CC_ENV_FILE), besides SITE_URL and CC_SOURCE. */
  settings: Record<string, string>;
  /** deploy.sh's settings from the environment: ports, cache directory, drain. */
  environment: Record<string, string>;
};

/** The project as it stands, with `partners` generated partners, as a repository of its own. */
export function makeScratch({ work, partners, settings, environment }: ScratchOptions): Scratch {
  const source = path.join(work, 'source');
  const srv = path.join(work, 'srv');
  fs.mkdirSync(source, { recursive: true });
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
    },
  );
  const tar = path.join(work, 'src.tar');
  execFileSync('tar', ['--null', '--ignore-failed-read', '-T', '-', '-cf', tar], {
    cwd: root,
    input: files,
  });
  execFileSync('tar', ['-xf', tar, '-C', source]);
  fs.rmSync(tar);
  generateContent(path.join(source, 'content'), partners);
  // The build writes the names of what it was given, to show that the editor's secret is not.
  const pkg = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  pkg.scripts.prebuild = `node -e "require('fs').writeFileSync('.build-env', Object.keys(process.env).sort().join('\\n'))"`;
  fs.writeFileSync(path.join(source, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: source, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@localhost');
  // Packages for the same lock file: deploy.sh links them instead of running npm ci.
  const modules = [path.join(root, 'node_modules'), path.join(source, 'node_modules')];
  try {
    execFileSync('cp', ['-al', ...modules], { stdio: 'ignore' });
  } catch {
    // Another file system (e.g. /tmp on tmpfs): a copy, then.
    fs.rmSync(modules[1]!, { recursive: true, force: true });
    execFileSync('cp', ['-a', ...modules]);
  }
  git('add', '-A');
  git('commit', '-qm', 'The project, with generated partners');
  const hub = path.join(work, 'hub.git');
  execFileSync('git', ['clone', '-q', '--bare', source, hub]);
  git('remote', 'add', 'origin', hub);
  const envFile = path.join(work, 'cc-partners.env');
  const values = { SITE_URL: 'https://partners.example.org', CC_SOURCE: hub, ...settings };
  fs.writeFileSync(
    envFile,
    Object.entries(values)
      .map(([key, value]) => `${key}=${value}\n`)
      .join(''),
    { mode: 0o640 },
  );
  fs.chmodSync(envFile, 0o640);

  const marked = 'content/partners/partner-0001.de.md';
  const markPartner = (text: string, file = marked) => {
    const full = path.join(source, file);
    const body = fs.readFileSync(full, 'utf8').replace(/\n\nMarker: .*\n$/, '\n');
    fs.writeFileSync(full, `${body}\nMarker: ${text}.\n`);
  };
  /** Commits `change` on the checked-out branch, on top of what the hub has (an editor may have
   * published meanwhile), and pushes it there. */
  const commit = (message: string, change: () => void) => {
    const branch = git('rev-parse', '--abbrev-ref', 'HEAD').trim();
    if (git('ls-remote', 'origin', `refs/heads/${branch}`).trim()) {
      git('pull', '-q', '--ff-only', 'origin', branch);
    }
    change();
    git('add', '-A');
    git('commit', '-qm', message);
    git('push', '-q', 'origin', `HEAD:refs/heads/${branch}`);
    return git('rev-parse', 'HEAD').trim();
  };
  const env = () => {
    const inherited = { ...process.env };
    for (const key of Object.keys(inherited)) {
      if (/^(CC_|SITE_URL$|CMS_GITHUB_)/.test(key)) delete inherited[key];
    }
    return {
      ...inherited,
      CC_ROOT: srv,
      CC_ENV_FILE: envFile,
      NEXT_TELEMETRY_DISABLED: '1',
      ...environment,
    };
  };
  return { work, source, hub, srv, envFile, commit, markPartner, env };
}

/** Runs a command as deploy.sh is run; `onLine` sees each line it logs, as it logs it. */
export function start(
  command: string,
  args: string[],
  env: Env,
  onLine: (line: string, child: ChildProcess) => void = () => {},
  cwd = root,
): Running {
  const log: Run['log'] = [];
  const child = spawn(command, args, { cwd, env: env as NodeJS.ProcessEnv });
  let buffer = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const line of parts) {
      log.push({ at: Date.now(), line });
      onLine(line, child);
    }
  });
  child.stdout!.resume();
  // Its output ends when it does, except when killed: what it started may hold stderr open.
  const done = new Promise<Run>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, log }));
    child.on('exit', (code, signal) => signal && resolve({ code, signal, log }));
  });
  return { child, done };
}

/** deploy/deploy.sh of this checkout, as README.md runs it. */
export function deploy(
  scratch: Scratch,
  args: string[] = [],
  onLine?: (line: string, child: ChildProcess) => void,
  extraEnv: Record<string, string> = {},
): Running {
  return start('deploy/deploy.sh', args, { ...scratch.env(), ...extraEnv }, onLine);
}

/** An ExecStart of a unit in deploy/, with its Environment=, for the scratch CC_ROOT. */
export function unitCommand(unit: string, scratch: Scratch, key = 'ExecStart') {
  const text = fs.readFileSync(path.join(root, 'deploy', unit), 'utf8');
  const exec = new RegExp(`^${key}=(.*)$`, 'm').exec(text)?.[1];
  if (!exec) throw new Error(`deploy/${unit} has no ${key}=`);
  const [command, ...args] = exec.replaceAll('/srv/cc-partners', scratch.srv).split(' ');
  const environment: Record<string, string> = {};
  for (const [, line] of text.matchAll(/^Environment=(.*)$/gm)) {
    for (const pair of line!.split(' ')) {
      const [key, ...value] = pair.split('=');
      // The machine's own PATH (Node 24 there); the unit's names the server's.
      if (key !== 'PATH')
        environment[key!] = value.join('=').replaceAll('/srv/cc-partners', scratch.srv);
    }
  }
  return { command: command!, args, env: { ...scratch.env(), ...environment } };
}

export type Timer = {
  runs: Run[];
  /** Resolves with the first run (counted from now) for which `until` holds. */
  waitFor: (until: (run: Run) => boolean, timeoutMs?: number) => Promise<Run>;
  onLine: (listener: (line: string) => void) => void;
  stop: () => Promise<void>;
};

/**
 * The deploy timer: deploy/cc-partners-deploy.service's ExecStart, run again `intervalMs` after
 * each run ends (systemd never runs the service twice at once), from `/`, as systemd does.
 * `nextStart` gives the time of the next start instead (the benchmark's minute boundaries).
 */
export function startTimer(
  scratch: Scratch,
  { intervalMs = 2000, nextStart }: { intervalMs?: number; nextStart?: () => number } = {},
): Timer {
  const { command, args, env } = unitCommand('cc-partners-deploy.service', scratch);
  const runs: Run[] = [];
  const listeners: ((line: string) => void)[] = [];
  let stopped = false;
  let current: Running | undefined;
  const loop = (async () => {
    while (!stopped) {
      current = start(command, args, env, (line) => listeners.forEach((l) => l(line)), '/');
      runs.push(await current.done);
      current = undefined;
      const wait = nextStart ? Math.max(0, nextStart() - Date.now()) : intervalMs;
      for (let waited = 0; waited < wait && !stopped; waited += 100) await sleep(100);
    }
  })();
  return {
    runs,
    onLine: (listener) => listeners.push(listener),
    waitFor: async (until, timeoutMs = 300_000) => {
      const from = runs.length;
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = runs.slice(from).find(until);
        if (found) return found;
        await sleep(200);
      }
      throw new Error(`no timer run matched within ${timeoutMs} ms`);
    },
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

/** KEY=value lines of a file deploy.sh writes (last-attempt, last-check). */
export function readRecord(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {};
  return Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}
