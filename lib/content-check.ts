import fs from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { z } from 'zod';
import { routing, type Locale } from './i18n/routing';
import {
  accessibilityFrontMatter,
  type AccessibilityFrontMatter,
  describeIssues,
  headerFrontMatter,
  imprintFrontMatter,
  type ImprintFrontMatter,
  imprintNeutralFields,
  languageNeutralFields,
  partnerFrontMatter,
  type PartnerFrontMatter,
  privacyFrontMatter,
  type PrivacyFrontMatter,
} from './content-schema';
import { isPlaceholder } from './placeholders';
import { sitePageNames } from './site-pages';

export type ContentProblem = {
  file: string;
  /** 1-based; the line of the offending key, or 1 when the whole file is the problem. */
  line: number;
  field: string;
  message: string;
  severity: 'error' | 'warning';
  /** Set on warnings about a placeholder, which `npm run launch:check` turns into errors. */
  placeholder?: true;
};

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

/** Figures older than this many years get a warning. */
export const figuresMaxAge = 5;

const slugPattern = /^[a-z0-9-]+$/;
const partnerFileName = /^(?<slug>.+)\.(?<locale>[^.]+)\.md$/;
const siteFileName = new RegExp(`^(?:header|${sitePageNames.join('|')})\\.(?<locale>[^.]+)\\.md$`);
const keyLine = /^([A-Za-z_][\w-]*)\s*:/;

// gray-matter's YAML engine is js-yaml's safeLoad (no custom types); its typings omit `engines`.
const parseYaml = (matter as unknown as { engines: { yaml: { parse(text: string): unknown } } })
  .engines.yaml.parse;

type Report = (field: string, message: string, line?: number) => void;
type Parsed = {
  data: unknown;
  body: string;
  /** The lines after the front matter, as written, and the 1-based number of the first. */
  bodyLines: string[];
  bodyStart: number;
  lines: Map<string, number>;
};

export function formatProblem(problem: ContentProblem): string {
  const message = problem.severity === 'warning' ? `warning: ${problem.message}` : problem.message;
  return `${problem.file}:${problem.line}: ${problem.field}: ${message}`;
}

function explainYamlError(
  error: unknown,
  frontMatter: string[],
): { message: string; line: number } {
  const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const mark = (error as { mark?: { line?: number } }).mark;
  const line = (mark?.line ?? 0) + 2;
  if (/double quoted scalar/.test(reason)) {
    // js-yaml points at the end of the front matter; the editor needs the line that opened the quote.
    const open = frontMatter.findIndex((text) => (text.match(/(?<!\\)"/g)?.length ?? 0) % 2 === 1);
    return {
      message: 'a text in "double quotes" is not closed: add the missing " at its end',
      line: open >= 0 ? open + 2 : line,
    };
  }
  if (/duplicated mapping key/.test(reason)) {
    return { message: 'a field appears twice: keep only one of them', line };
  }
  if (/mapping|indentation|block/.test(reason)) {
    return {
      message: `this line is not "field: value" (put text that contains ": " in double quotes) (${reason})`,
      line,
    };
  }
  return { message: `is not valid YAML: ${reason}`, line };
}

/**
 * Splits a file into YAML front matter and body. Only plain `---` front matter is accepted and it
 * is parsed as YAML only: gray-matter itself would evaluate `---js`, even with `language: 'yaml'`.
 */
function parseFile(raw: string, report: Report): Parsed | null {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r?\n/);
  const opener = lines[0] ?? '';
  if (opener.trimEnd() !== '---') {
    report(
      '(front matter)',
      opener.startsWith('---')
        ? `must be YAML: the first line is "${opener.slice(0, 20)}", it must be "---" alone`
        : 'is missing: the file must start with a line "---", then the fields, then "---"',
    );
    return null;
  }
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (close < 0) {
    report('(front matter)', 'is not closed: add a line "---" after the last field');
    return null;
  }
  const frontMatter = lines.slice(1, close);
  const keys = new Map<string, number>();
  frontMatter.forEach((text, i) => {
    const key = keyLine.exec(text)?.[1];
    if (key && !keys.has(key)) keys.set(key, i + 2);
  });
  try {
    const data = parseYaml(frontMatter.join('\n'));
    const bodyLines = lines.slice(close + 1);
    return {
      data,
      body: bodyLines.join('\n').trim(),
      bodyLines,
      bodyStart: close + 2,
      lines: keys,
    };
  } catch (error) {
    const { message, line } = explainYamlError(error, frontMatter);
    report('(front matter)', message, line);
    return null;
  }
}

function validate<T>(schema: z.ZodType<T>, parsed: Parsed, report: Report): T | null {
  const result = schema.safeParse(parsed.data ?? {});
  if (result.success) return result.data;
  for (const issue of describeIssues(result.error)) {
    report(issue.field, issue.message, parsed.lines.get(issue.field.split('.')[0] ?? ''));
  }
  return null;
}

function isLocale(value: string): value is Locale {
  return (routing.locales as readonly string[]).includes(value);
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && entry.name !== 'README.md')
    .map((entry) => entry.name)
    .sort();
}

type Version = { file: string; partner: PartnerEntry; lines: Map<string, number> };

type CheckOptions = {
  now?: Date;
  /** Also warn about placeholders in partner and header files (the go-live check does). */
  everyPlaceholder?: boolean;
};

/** Reads and validates all content below `dir` without rendering it; collects every problem. */
export function checkContent(
  dir: string,
  { now = new Date(), everyPlaceholder = false }: CheckOptions = {},
): CheckResult {
  const problems: ContentProblem[] = [];
  const display = (file: string) => {
    const relative = path.relative(process.cwd(), file);
    return relative && !relative.startsWith('..') ? relative : file;
  };
  const reporter =
    (file: string, severity: ContentProblem['severity'] = 'error'): Report =>
    (field, message, line = 1) =>
      problems.push({ file: display(file), line, field, message, severity });
  let fileCount = 0;
  const warnPlaceholders = (file: string, data: object, parsed: Parsed) => {
    const warn = (field: string, value: string, line?: number) =>
      problems.push({
        file: display(file),
        line: line ?? 1,
        field,
        message:
          field === 'body'
            ? `holds a placeholder ("${value.trim().slice(0, 60)}"): replace it with the real text before the site goes live`
            : `is a placeholder ("${value.trim().slice(0, 60)}"): enter the real value before the site goes live`,
        severity: 'warning',
        placeholder: true,
      });
    for (const [field, value] of Object.entries(data)) {
      if (typeof value === 'string' && isPlaceholder(value))
        warn(field, value, parsed.lines.get(field));
    }
    parsed.bodyLines.forEach((text, i) => {
      if (isPlaceholder(text)) warn('body', text, parsed.bodyStart + i);
    });
  };

  for (const name of listFiles(dir)) {
    const locale = siteFileName.exec(name)?.groups?.locale;
    if (locale && !isLocale(locale)) {
      reporter(path.join(dir, name))(
        '(file name)',
        `"${locale}" is not a language of this site (${routing.locales.join(', ')})`,
      );
    }
  }
  /**
   * Files every language has once (`<name>.<locale>.md`), with front matter and a body; `neutral`
   * fields must be equal in every language, and site pages warn about placeholders.
   */
  const checkPerLanguage = <T extends object>(
    name: string,
    schema: z.ZodType<T>,
    {
      missing,
      body,
      neutral = [],
      placeholders = true,
    }: { missing: string; body: string; neutral?: readonly (keyof T)[]; placeholders?: boolean },
  ) => {
    const entries: Partial<Record<Locale, T & { body: string }>> = {};
    let first: { file: string; data: T } | undefined;
    for (const locale of routing.locales) {
      const file = path.join(dir, `${name}.${locale}.md`);
      const report = reporter(file);
      if (!fs.existsSync(file)) {
        report('(file)', `is missing: every language needs ${missing}`);
        continue;
      }
      fileCount++;
      const parsed = parseFile(fs.readFileSync(file, 'utf8'), report);
      const data = parsed && validate(schema, parsed, report);
      if (!parsed || !data) continue;
      if (!parsed.body) report('body', `is empty: write ${body} below the front matter`);
      if (placeholders) warnPlaceholders(file, data, parsed);
      for (const field of neutral) {
        const [a, b] = [first?.data[field], data[field]];
        if (first && a !== b) {
          report(
            String(field),
            `is ${b ?? '(not set)'} here but ${a ?? '(not set)'} in ${display(first.file)}; it must be the same in every language`,
            parsed.lines.get(String(field)),
          );
        }
      }
      first ??= { file, data };
      entries[locale] = { ...data, body: parsed.body };
    }
    return entries;
  };
  const headers: Partial<Record<Locale, HeaderEntry>> = checkPerLanguage(
    'header',
    headerFrontMatter,
    { missing: 'its header file', body: 'the intro sentence', placeholders: everyPlaceholder },
  );
  const accessibility: Partial<Record<Locale, AccessibilityEntry>> = checkPerLanguage(
    'accessibility',
    accessibilityFrontMatter,
    { missing: 'its accessibility statement', body: 'the statement' },
  );
  const imprint: Partial<Record<Locale, ImprintEntry>> = checkPerLanguage(
    'imprint',
    imprintFrontMatter,
    { missing: 'its imprint', body: 'the imprint', neutral: imprintNeutralFields },
  );
  const privacy: Partial<Record<Locale, PrivacyEntry>> = checkPerLanguage(
    'privacy',
    privacyFrontMatter,
    { missing: 'its privacy notice', body: 'the privacy notice' },
  );

  const partnersDir = path.join(dir, 'partners');
  const bySlug = new Map<string, Map<Locale, Version>>();
  // Files that exist but are broken still count as present: their own errors say what is wrong.
  const present = new Map<string, Set<Locale>>();
  for (const name of listFiles(partnersDir)) {
    const file = path.join(partnersDir, name);
    const report = reporter(file);
    const match = partnerFileName.exec(name)?.groups;
    if (!match?.slug || !match.locale) {
      report('(file name)', 'must be <slug>.<locale>.md, for example vku.de.md');
      continue;
    }
    const { slug, locale } = match;
    if (!slugPattern.test(slug)) {
      report(
        '(file name)',
        `"${slug}" may only use lowercase letters a–z, digits 0–9 and "-" (no capitals, spaces or umlauts)`,
      );
      continue;
    }
    if (!isLocale(locale)) {
      report(
        '(file name)',
        `"${locale}" is not a language of this site (${routing.locales.join(', ')})`,
      );
      continue;
    }
    fileCount++;
    present.set(slug, (present.get(slug) ?? new Set()).add(locale));
    const parsed = parseFile(fs.readFileSync(file, 'utf8'), report);
    const data = parsed && validate(partnerFrontMatter, parsed, report);
    if (!parsed || !data) continue;
    if (!parsed.body) report('body', 'is empty: write the description below the front matter');
    if (everyPlaceholder) warnPlaceholders(file, data, parsed);
    const partner = { ...data, slug, locale, draft: data.draft ?? false, body: parsed.body };
    const versions = bySlug.get(slug) ?? new Map<Locale, Version>();
    versions.set(locale, { file, partner, lines: parsed.lines });
    bySlug.set(slug, versions);
  }

  const orders = new Map<number, string>();
  for (const [slug, versions] of bySlug) {
    const [first] = versions.values();
    if (!first) continue;
    const { partner } = first;
    for (const locale of routing.locales) {
      if (!present.get(slug)?.has(locale) && !partner.draft) {
        reporter(first.file)(
          '(file)',
          `has no ${locale} version: add ${display(path.join(partnersDir, `${slug}.${locale}.md`))} (or mark the partner as draft: true while it is being translated)`,
        );
      }
    }
    for (const other of versions.values()) {
      if (other === first) continue;
      for (const field of languageNeutralFields) {
        const a = partner[field];
        const b = other.partner[field];
        if (a !== b) {
          reporter(other.file)(
            field,
            `is ${b ?? '(not set)'} here but ${a ?? '(not set)'} in ${display(first.file)}; it must be the same in every language`,
            other.lines.get(field),
          );
        }
      }
      // A draft may still be an untranslated copy, as it may still lack a language.
      if (!partner.draft && other.partner.summary === partner.summary) {
        reporter(other.file)(
          'summary',
          `is the same as in ${display(first.file)}: translate it`,
          other.lines.get('summary'),
        );
      }
    }
    const taken = orders.get(partner.order);
    if (taken) {
      reporter(first.file)(
        'order',
        `${partner.order} is already used by ${taken}: give each partner its own number`,
        first.lines.get('order'),
      );
    } else {
      orders.set(partner.order, display(first.file));
    }
    if (partner.figuresAsOf && now.getFullYear() - partner.figuresAsOf > figuresMaxAge) {
      reporter(first.file, 'warning')(
        'figuresAsOf',
        `the figures are from ${partner.figuresAsOf}, more than ${figuresMaxAge} years ago: check them in every language and update the year`,
        first.lines.get('figuresAsOf'),
      );
    }
  }

  const partners = [...bySlug.values()].flatMap((versions) =>
    [...versions.values()].map((version) => version.partner),
  );
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { problems, partners, headers, accessibility, imprint, privacy, fileCount };
}

/**
 * A problem as a GitHub Actions workflow command: GitHub shows it on that line of the file, in
 * the pull request an editor's change opened.
 */
export function formatAnnotation(problem: ContentProblem): string {
  // Workflow commands end at a newline; their properties at a comma or colon.
  const data = (text: string) =>
    text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const level = problem.severity === 'error' ? 'error' : 'warning';
  return `::${level} file=${property(problem.file)},line=${problem.line},title=${property(problem.field)}::${data(`${problem.field}: ${problem.message}`)}`;
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
