import { execFileSync } from 'node:child_process';
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
  languageNeutralFields,
  partnerFrontMatter,
  type PartnerFrontMatter,
} from './content-schema';
import { renderMarkdown } from './markdown';

export type { PartnerType } from './content-schema';

export type Partner = Omit<PartnerFrontMatter, 'draft'> & {
  slug: string;
  locale: Locale;
  draft: boolean;
  /** The description, rendered by the sanitizing Markdown pipeline. */
  html: string;
};

export type Header = { quote: string; attribution: string; introHtml: string };

export type AccessibilityStatement = AccessibilityFrontMatter & { locale: Locale; html: string };

export type Content = {
  partners: Record<Locale, Partner[]>;
  headers: Record<Locale, Header>;
  accessibility: Record<Locale, AccessibilityStatement>;
};

export type ContentProblem = { file: string; field: string; message: string };

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    const lines = problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
    super(
      `The content has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}:\n` +
        lines.map((line) => `  ${line}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}

const slugPattern = /^[a-z0-9-]+$/;
const partnerFileName = /^(?<slug>.+)\.(?<locale>[^.]+)\.md$/;

type Parsed = { data: unknown; body: string };

/**
 * Splits a file into front matter and body. Only plain `---` YAML front matter is accepted:
 * gray-matter would evaluate `---js` (and other engines) even with `language: 'yaml'`.
 */
function parseFile(raw: string, report: (field: string, message: string) => void): Parsed | null {
  const text = raw.replace(/^\uFEFF/, '');
  const opener = text.split(/\r?\n/, 1)[0] ?? '';
  if (opener.trimEnd() !== '---') {
    report(
      '(front matter)',
      opener.startsWith('---')
        ? `must be YAML: the first line is "${opener.slice(0, 20)}", it must be "---" alone`
        : 'is missing: the file must start with a line "---", then the fields, then "---"',
    );
    return null;
  }
  try {
    const file = matter(text, { language: 'yaml', engines: { js: refuse, javascript: refuse } });
    return { data: file.data, body: file.content.trim() };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    report('(front matter)', `is not valid YAML: ${reason}`);
    return null;
  }
}

function refuse(): never {
  throw new Error('only YAML front matter is allowed');
}

function validate<T>(
  schema: z.ZodType<T>,
  data: unknown,
  report: (field: string, message: string) => void,
): T | null {
  const result = schema.safeParse(data ?? {});
  if (result.success) return result.data;
  for (const issue of describeIssues(result.error)) report(issue.field, issue.message);
  return null;
}

function isLocale(value: string): value is Locale {
  return (routing.locales as readonly string[]).includes(value);
}

function listMarkdown(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => !name.startsWith('.') && name !== 'README.md')
    .sort();
}

/** Reads, validates and renders all content below `dir`; throws one ContentError listing every problem. */
export function loadContent(dir: string, { includeDrafts }: { includeDrafts: boolean }): Content {
  const problems: ContentProblem[] = [];
  const display = (file: string) => path.relative(process.cwd(), file) || file;
  const reporter = (file: string) => (field: string, message: string) =>
    problems.push({ file: display(file), field, message });

  const headers: Partial<Record<Locale, Header>> = {};
  for (const locale of routing.locales) {
    const file = path.join(dir, `header.${locale}.md`);
    const report = reporter(file);
    if (!fs.existsSync(file)) {
      report('(file)', 'is missing: every language needs its header file');
      continue;
    }
    const parsed = parseFile(fs.readFileSync(file, 'utf8'), report);
    const data = parsed && validate(headerFrontMatter, parsed.data, report);
    if (!parsed || !data) continue;
    if (!parsed.body) report('body', 'is empty: write the intro sentence below the front matter');
    headers[locale] = { ...data, introHtml: renderMarkdown(parsed.body) };
  }

  const accessibility: Partial<Record<Locale, AccessibilityStatement>> = {};
  for (const locale of routing.locales) {
    const file = path.join(dir, `accessibility.${locale}.md`);
    const report = reporter(file);
    if (!fs.existsSync(file)) {
      report('(file)', 'is missing: every language needs its accessibility statement');
      continue;
    }
    const parsed = parseFile(fs.readFileSync(file, 'utf8'), report);
    const data = parsed && validate(accessibilityFrontMatter, parsed.data, report);
    if (!parsed || !data) continue;
    if (!parsed.body) report('body', 'is empty: write the statement below the front matter');
    accessibility[locale] = { ...data, locale, html: renderMarkdown(parsed.body) };
  }

  const partnersDir = path.join(dir, 'partners');
  const bySlug = new Map<string, Map<Locale, { file: string; partner: Partner }>>();
  for (const name of listMarkdown(partnersDir)) {
    const file = path.join(partnersDir, name);
    const report = reporter(file);
    const match = partnerFileName.exec(name)?.groups;
    if (!match?.slug || !match.locale) {
      report('(file name)', 'must be <slug>.<locale>.md, for example vku.de.md');
      continue;
    }
    const { slug, locale } = match;
    if (!slugPattern.test(slug)) {
      report('(file name)', `"${slug}" may only use a–z, 0–9 and "-"`);
      continue;
    }
    if (!isLocale(locale)) {
      report(
        '(file name)',
        `"${locale}" is not a language of this site (${routing.locales.join(', ')})`,
      );
      continue;
    }
    const parsed = parseFile(fs.readFileSync(file, 'utf8'), report);
    const data = parsed && validate(partnerFrontMatter, parsed.data, report);
    if (!parsed || !data) continue;
    if (!parsed.body) report('body', 'is empty: write the description below the front matter');
    const partner: Partner = {
      ...data,
      slug,
      locale,
      draft: data.draft ?? false,
      html: renderMarkdown(parsed.body),
    };
    const versions = bySlug.get(slug) ?? new Map();
    versions.set(locale, { file, partner });
    bySlug.set(slug, versions);
  }

  const orders = new Map<number, string>();
  for (const [slug, versions] of bySlug) {
    const [first] = versions.values();
    if (!first) continue;
    for (const locale of routing.locales) {
      if (!versions.has(locale) && !first.partner.draft) {
        reporter(first.file)(
          '(file)',
          `has no ${locale} version: add ${display(path.join(partnersDir, `${slug}.${locale}.md`))}`,
        );
      }
    }
    for (const other of versions.values()) {
      if (other === first) continue;
      for (const field of languageNeutralFields) {
        const a = first.partner[field];
        const b = other.partner[field];
        if (a !== b) {
          reporter(other.file)(
            field,
            `is ${String(b)} here but ${String(a)} in ${display(first.file)}; it must be the same in every language`,
          );
        }
      }
    }
    const taken = orders.get(first.partner.order);
    if (taken) {
      reporter(first.file)('order', `${first.partner.order} is already used by ${taken}`);
    } else {
      orders.set(first.partner.order, display(first.file));
    }
  }

  if (problems.length > 0) throw new ContentError(problems);

  const partners = Object.fromEntries(
    routing.locales.map((locale) => [
      locale,
      [...bySlug.values()]
        .flatMap((versions) => versions.get(locale)?.partner ?? [])
        .filter((partner) => includeDrafts || !partner.draft)
        .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug)),
    ]),
  ) as Record<Locale, Partner[]>;

  return {
    partners,
    headers: headers as Record<Locale, Header>,
    accessibility: accessibility as Record<Locale, AccessibilityStatement>,
  };
}

export function contentDir(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), process.env.CONTENT_DIR ?? 'content');
}

let cached: Content | undefined;

/** All content, loaded once per process. Drafts only outside production builds. */
function getContent(): Content {
  cached ??= loadContent(contentDir(), { includeDrafts: process.env.NODE_ENV !== 'production' });
  return cached;
}

export async function getPartners(locale: Locale): Promise<Partner[]> {
  return getContent().partners[locale];
}

export async function getPartner(locale: Locale, slug: string): Promise<Partner | null> {
  return getContent().partners[locale].find((partner) => partner.slug === slug) ?? null;
}

export async function getHeader(locale: Locale): Promise<Header> {
  return getContent().headers[locale];
}

/**
 * When each file below `dir` last changed, by its path relative to `dir` ('/'-separated): the date
 * of its last commit, else (untracked, or no git) its mtime. A fresh clone gives every file the
 * clone's mtime, so git comes first; a shallow clone dates files to its newest commit, never earlier.
 */
export function readFileDates(dir: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  let log = '';
  try {
    log = execFileSync(
      'git',
      [
        '-c',
        'core.quotePath=false',
        'log',
        '--format=%x00%cI',
        '--name-only',
        '--relative',
        '--',
        '.',
      ],
      { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 },
    );
  } catch {
    // Not a git checkout (e.g. an unpacked archive): mtimes below.
  }
  for (const commit of log.split('\0').slice(1)) {
    const [date = '', ...files] = commit.trim().split('\n');
    for (const file of files) {
      if (file && !dates.has(file)) dates.set(file, new Date(date));
    }
  }
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(relative);
      else if (!dates.has(relative))
        dates.set(relative, fs.statSync(path.join(dir, relative)).mtime);
    }
  };
  if (fs.existsSync(dir)) walk('');
  return dates;
}

let cachedDates: Map<string, Date> | undefined;

/** When a partner's page (with `slug`) or the list page (without) last changed in `locale`. */
export async function getLastModified(locale: Locale, slug?: string): Promise<Date> {
  cachedDates ??= readFileDates(contentDir());
  const files = slug
    ? [`partners/${slug}.${locale}.md`]
    : [
        `header.${locale}.md`,
        ...getContent().partners[locale].map((p) => `partners/${p.slug}.${locale}.md`),
      ];
  const times = files.map((file) => cachedDates?.get(file)?.getTime() ?? 0);
  return new Date(Math.max(...times));
}

/** The params of every partner page, for generateStaticParams. */
export async function getPartnerParams(): Promise<{ locale: Locale; slug: string }[]> {
  return routing.locales.flatMap((locale) =>
    getContent().partners[locale].map((partner) => ({ locale, slug: partner.slug })),
  );
}

export async function getAccessibilityStatement(locale: Locale): Promise<AccessibilityStatement> {
  return getContent().accessibility[locale];
}
