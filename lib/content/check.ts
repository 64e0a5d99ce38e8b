import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { routing, type Locale, sitePageNames } from '../i18n/routing';
import { parseFile, validate } from './parse';
import {
  type Content,
  type ContentFile,
  type ContentProblem,
  contentRules,
  dataOf,
  display,
  isLocale,
  partnerFileName,
  type SiteFileName,
} from './rules';
import {
  accessibilityFrontMatter,
  type AccessibilityFrontMatter,
  headerFrontMatter,
  imprintFrontMatter,
  type ImprintFrontMatter,
  partnerFrontMatter,
  type PartnerFrontMatter,
  privacyFrontMatter,
  type PrivacyFrontMatter,
} from './schema';

export { type ContentProblem, figuresMaxAge } from './rules';

export type PartnerEntry = Omit<PartnerFrontMatter, 'draft'> & {
  slug: string;
  locale: Locale;
  draft: boolean;
  body: string;
};

export type HeaderEntry = { quote: string; attribution: string; body: string };

export type AccessibilityEntry = AccessibilityFrontMatter & { body: string };
export type ImprintEntry = ImprintFrontMatter & { body: string };
export type PrivacyEntry = PrivacyFrontMatter & { body: string };

export type CheckResult = {
  problems: ContentProblem[];
  partners: PartnerEntry[];
  headers: Partial<Record<Locale, HeaderEntry>>;
  accessibility: Partial<Record<Locale, AccessibilityEntry>>;
  imprint: Partial<Record<Locale, ImprintEntry>>;
  privacy: Partial<Record<Locale, PrivacyEntry>>;
  fileCount: number;
};

/** The content folder: CONTENT_DIR (relative to the project or absolute), by default content/. */
export function contentDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.cwd(),
    process.env.CONTENT_DIR ?? 'content',
  );
}

export function formatProblem(problem: ContentProblem): string {
  const message = problem.severity === 'warning' ? `warning: ${problem.message}` : problem.message;
  return `${problem.file}:${problem.line}: ${problem.field}: ${message}`;
}

const schemas: Record<SiteFileName | 'partner', z.ZodType<Record<string, unknown>>> = {
  header: headerFrontMatter,
  accessibility: accessibilityFrontMatter,
  imprint: imprintFrontMatter,
  privacy: privacyFrontMatter,
  partner: partnerFrontMatter,
};

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && entry.name !== 'README.md')
    .map((entry) => entry.name)
    .sort();
}

function readFile(
  file: string,
  kind: ContentFile['kind'],
  key: string,
  locale: Locale,
): ContentFile {
  const parsed = parseFile(fs.readFileSync(file, 'utf8'));
  const fields = 'lines' in parsed ? validate(schemas[kind], parsed) : undefined;
  return { file: display(file), kind, key, locale, parsed, fields };
}

type CheckOptions = {
  now?: Date;
  /** Also warn about placeholders in partner and header files (the go-live check does). */
  everyPlaceholder?: boolean;
};

/** Reads every content file below `dir` (parsed and validated, not yet checked or rendered). */
export function readContent(
  dir: string,
  { now = new Date(), everyPlaceholder = false }: CheckOptions = {},
): Content {
  const files: ContentFile[] = [];
  for (const kind of ['header', ...sitePageNames] as const) {
    for (const locale of routing.locales) {
      const file = path.join(dir, `${kind}.${locale}.md`);
      if (fs.existsSync(file)) files.push(readFile(file, kind, kind, locale));
    }
  }
  const partnerNames = listFiles(path.join(dir, 'partners'));
  for (const name of partnerNames) {
    const { slug, locale } = partnerFileName.exec(name)?.groups ?? {};
    if (!slug || !locale || !/^[a-z0-9-]+$/.test(slug) || !isLocale(locale)) continue;
    files.push(readFile(path.join(dir, 'partners', name), 'partner', slug, locale));
  }
  return { dir, now, everyPlaceholder, siteNames: listFiles(dir), partnerNames, files };
}

/** What the site is made of: every file that passed its schema, with its body. */
function entries(content: Content): Omit<CheckResult, 'problems'> {
  const result: Omit<CheckResult, 'problems'> = {
    partners: [],
    headers: {},
    accessibility: {},
    imprint: {},
    privacy: {},
    fileCount: content.files.length,
  };
  const bySite: Record<SiteFileName, Record<string, unknown>> = {
    header: result.headers,
    accessibility: result.accessibility,
    imprint: result.imprint,
    privacy: result.privacy,
  };
  for (const file of content.files) {
    const data = dataOf(file);
    if (!data || !('body' in file.parsed)) continue;
    const { body } = file.parsed;
    if (file.kind === 'partner') {
      const partner = data as PartnerFrontMatter;
      result.partners.push({
        ...partner,
        slug: file.key,
        locale: file.locale,
        draft: partner.draft ?? false,
        body,
      });
    } else {
      bySite[file.kind][file.locale] = { ...data, body };
    }
  }
  return result;
}

/** Reads and validates all content below `dir` without rendering it; collects every problem. */
export function checkContent(dir: string, options: CheckOptions = {}): CheckResult {
  const content = readContent(dir, options);
  const problems = Object.values(contentRules).flatMap((rule) => rule(content));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, ...entries(content) };
}

/**
 * A problem as a GitHub Actions workflow command: GitHub shows it on that line of the file, in
 * the pull request an editor's change opened. Its title is the problem in the editor's words
 * where the rule has them (the web editor shows that title when it refuses to publish), else
 * the field.
 */
export function formatAnnotation(problem: ContentProblem): string {
  // Workflow commands end at a newline; their properties at a comma or colon.
  const data = (text: string) =>
    text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const level = problem.severity === 'error' ? 'error' : 'warning';
  return `::${level} file=${property(problem.file)},line=${problem.line},title=${property(problem.editor ?? problem.field)}::${data(`${problem.field}: ${problem.message}`)}`;
}

/**
 * What `npm run content:check` and `next build` print: every problem, then a one-line summary.
 * Inside GitHub Actions (GITHUB_ACTIONS=true) the problems are annotations. Returns false when
 * there is an error.
 */
export function reportContent(
  dir: string,
  print: (line: string) => void = console.log,
  env: Record<string, string | undefined> = process.env,
): boolean {
  const started = performance.now();
  const { problems, fileCount } = checkContent(dir);
  const format = env.GITHUB_ACTIONS === 'true' ? formatAnnotation : formatProblem;
  for (const problem of problems) print(format(problem));
  const count = (severity: ContentProblem['severity'], word: string) => {
    const n = problems.filter((problem) => problem.severity === severity).length;
    return `${n} ${word}${n === 1 ? '' : 's'}`;
  };
  const ok = !problems.some((problem) => problem.severity === 'error');
  const relative = path.relative(process.cwd(), dir);
  const where = relative.startsWith('..') ? dir : relative || '.';
  const ms = Math.round(performance.now() - started);
  print(
    `${ok ? '✓' : '✗'} ${fileCount} files in ${where}/ checked in ${ms} ms: ${count('error', 'error')}, ${count('warning', 'warning')}` +
      (ok ? '' : ' — fix the errors above, then run npm run content:check again'),
  );
  return ok;
}
