// lib/launch/: what keeps the site from going live (npm run launch:check).
import { checkContent, type ContentProblem, formatProblem } from '../content/check';
import { isPlaceholder } from '../content/placeholders';

type Env = Record<string, string | undefined>;

const environment = (field: string, message: string): ContentProblem => ({
  file: '(environment)',
  line: 1,
  field,
  message,
  severity: 'error',
});

/** What the public address must be: set, https, and not a name reserved for examples or tests. */
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
  if (isPlaceholder(url.hostname) || /^(localhost|127\.|\[::1\])/.test(url.host)) {
    problems.push(environment('SITE_URL', `${url.origin} is not the public address of the site`));
  }
  return problems;
}

/**
 * Everything that keeps the site from going live: content errors, placeholders left in the
 * imprint, the privacy notice or the accessibility statement, and a SITE_URL that is missing or
 * not public. Empty when the site is ready.
 */
export function launchProblems(dir: string, env: Env = process.env): ContentProblem[] {
  const content = checkContent(dir).problems.flatMap((problem): ContentProblem[] => {
    if (problem.severity === 'error') return [problem];
    if (!problem.placeholder) return [];
    const message =
      problem.field === 'securityContact'
        ? `${problem.message} (/.well-known/security.txt names it as the security contact)`
        : problem.message;
    return [{ ...problem, message, severity: 'error' }];
  });
  const editor = env.CMS_GITHUB_REPO?.trim()
    ? []
    : [environment('CMS_GITHUB_REPO', 'is not set: the web editor would not know the repository')];
  return [...content, ...siteUrlProblems(env), ...editor];
}

/** What `npm run launch:check` prints; false while the site is not ready to go live. */
export function reportLaunch(dir: string, env: Env, print: (line: string) => void): boolean {
  const problems = launchProblems(dir, env);
  for (const problem of problems) print(formatProblem(problem));
  print(
    problems.length === 0
      ? '✓ ready to go live: no placeholders left, SITE_URL is the public https address'
      : `✗ not ready to go live: ${problems.length} ${problems.length === 1 ? 'item' : 'items'} above`,
  );
  return problems.length === 0;
}
