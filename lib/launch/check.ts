// lib/launch/: what keeps the site from going live (npm run launch:check).
import net from 'node:net';
import { defaultCmsRepo } from '../cms/config';
import { checkContent, type ContentProblem, formatProblem } from '../content/check';
import { isPlaceholder } from '../content/placeholders';
import { isStaging } from '../site/origin';

type Env = Record<string, string | undefined>;

const environment = (field: string, message: string): ContentProblem => ({
  file: '(environment)',
  line: 1,
  field,
  message,
  severity: 'error',
});

// Addresses no visitor can reach: this machine, private and shared networks, link-local,
// documentation, benchmark, multicast and reserved ranges.
const unreachable = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const) {
  unreachable.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  unreachable.addSubnet(network, prefix, 'ipv6');
}

/** Why `hostname` (as URL gives it) is not a public host name, or null when it is one. */
function privateHost(hostname: string): string | null {
  const address = hostname.replace(/^\[(.*)\]$/, '$1');
  const family = net.isIP(address);
  if (family) {
    // BlockList checks IPv4 rules against IPv4-mapped IPv6 addresses (::ffff:10.0.0.5) too.
    return unreachable.check(address, family === 4 ? 'ipv4' : 'ipv6')
      ? 'a private, local or unspecified address'
      : null;
  }
  if (hostname.endsWith('.')) return 'a name with a trailing dot';
  if (/(?:^|\.)(?:localhost|local|test|example|invalid|internal|lan|home\.arpa)$/.test(hostname)) {
    return 'a name reserved for local networks, examples or tests';
  }
  if (isPlaceholder(hostname)) return 'an example address';
  if (!hostname.includes('.')) return 'a name without a domain';
  return null;
}

/** SITE_URL must be set, a public https origin, as visitors type it. */
function siteUrlProblems(env: Env): ContentProblem[] {
  const value = env.SITE_URL?.trim();
  if (!value) {
    return [environment('SITE_URL', 'is not set: build with SITE_URL=https://<the public host>')];
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [environment('SITE_URL', `"${value}" is not a URL`)];
  }
  const problems: ContentProblem[] = [];
  if (url.protocol !== 'https:') {
    problems.push(environment('SITE_URL', `${url.origin} must use https`));
  }
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    problems.push(environment('SITE_URL', `"${value}" must be an origin only, like https://host`));
  }
  const reason = privateHost(url.hostname);
  if (reason) {
    problems.push(
      environment('SITE_URL', `${url.origin} is not the public address of the site (${reason})`),
    );
  }
  return problems;
}

/** The web editor: the repository it saves to, and its GitHub login. */
function editorProblems(env: Env): ContentProblem[] {
  const repo = env.CMS_GITHUB_REPO?.trim();
  if (!repo) {
    return [
      environment('CMS_GITHUB_REPO', 'is not set: the web editor would not know the repository'),
    ];
  }
  if (repo === defaultCmsRepo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    return [
      environment('CMS_GITHUB_REPO', `"${repo}" is not the repository: set it to <owner>/<name>`),
    ];
  }
  return ['CMS_GITHUB_CLIENT_ID', 'CMS_GITHUB_CLIENT_SECRET']
    .filter((name) => !env[name]?.trim())
    .map((name) =>
      environment(name, "is not set: editors could not log in (the GitHub OAuth App's value)"),
    );
}

/** Content errors, and placeholders in any content file, as items of the go-live check. */
function contentProblems(dir: string): ContentProblem[] {
  return checkContent(dir, { everyPlaceholder: true }).problems.flatMap(
    (problem): ContentProblem[] => {
      if (problem.severity === 'error') return [problem];
      if (!problem.placeholder) return [];
      const message =
        problem.field === 'securityContact'
          ? `${problem.message} (/.well-known/security.txt names it as the security contact)`
          : problem.message;
      return [{ ...problem, message, severity: 'error' }];
    },
  );
}

/**
 * Everything that keeps the site from going live: content errors, placeholders left in any
 * content file, a SITE_URL that is missing or not a public https origin, and a web editor that
 * does not know its repository or lacks its login. Empty when the site is ready. A staging
 * system (CC_STAGING=1) gets all but the content errors as warnings.
 */
export function launchProblems(dir: string, env: Env = process.env): ContentProblem[] {
  const problems = [...contentProblems(dir), ...siteUrlProblems(env), ...editorProblems(env)];
  if (!isStaging(env)) return problems;
  return problems.map((problem) =>
    problem.placeholder || problem.file === '(environment)'
      ? { ...problem, severity: 'warning' }
      : problem,
  );
}

/** What `npm run launch:check` prints; false while the site is not ready to go live. */
export function reportLaunch(dir: string, env: Env, print: (line: string) => void): boolean {
  const problems = launchProblems(dir, env);
  for (const problem of problems) print(formatProblem(problem));
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  if (errors > 0) {
    print(`✗ not ready to go live: ${errors} ${errors === 1 ? 'item' : 'items'} above`);
  } else if (isStaging(env)) {
    print(
      `✓ staging (CC_STAGING=1): ${problems.length} ${problems.length === 1 ? 'item' : 'items'} would keep a public site from going live; robots.txt disallows all, pages are noindex`,
    );
  } else {
    print('✓ ready to go live: no placeholders left, SITE_URL is the public https address');
  }
  return errors === 0;
}
