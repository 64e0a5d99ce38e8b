// lib/content/: the only reader of content/: schema, parsing, the content check, Markdown.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { routing, type Locale, type SitePageName } from '../i18n/routing';
import {
  type AccessibilityEntry,
  checkContent,
  contentDir,
  formatProblem,
  type ContentProblem,
  type ImprintEntry,
  type PartnerEntry,
  type PrivacyEntry,
} from './check';
import { renderMarkdown } from './markdown';

export type { PartnerType } from './schema';
export { contentDir, type ContentProblem } from './check';

export type Partner = Omit<PartnerEntry, 'body'> & {
  /** The description, rendered by the sanitizing Markdown pipeline. */
  html: string;
};

export type Header = { quote: string; attribution: string; introHtml: string };

/** A page of the site itself (accessibility statement, imprint, privacy notice), rendered. */
type SitePage<Entry> = Omit<Entry, 'body'> & { locale: Locale; html: string };

export type AccessibilityStatement = SitePage<AccessibilityEntry>;
export type Imprint = SitePage<ImprintEntry>;
export type PrivacyNotice = SitePage<PrivacyEntry>;

export type Content = {
  partners: Record<Locale, Partner[]>;
  headers: Record<Locale, Header>;
  accessibility: Record<Locale, AccessibilityStatement>;
  imprint: Record<Locale, Imprint>;
  privacy: Record<Locale, PrivacyNotice>;
};

function renderSitePages<Entry extends { body: string }>(
  entries: Partial<Record<Locale, Entry>>,
): Record<Locale, SitePage<Entry>> {
  return Object.fromEntries(
    Object.entries(entries).map(([locale, entry]) => {
      const { body, ...fields } = entry as Entry;
      return [locale, { ...fields, locale, html: renderMarkdown(body) }];
    }),
  ) as Record<Locale, SitePage<Entry>>;
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `The content has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}:\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}

/** Reads, validates and renders all content below `dir`; throws one ContentError listing every error. */
export function loadContent(dir: string, { includeDrafts }: { includeDrafts: boolean }): Content {
  const checked = checkContent(dir);
  const errors = checked.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new ContentError(errors);

  const partners = Object.fromEntries(
    routing.locales.map((locale) => [
      locale,
      checked.partners
        .filter((entry) => entry.locale === locale && (includeDrafts || !entry.draft))
        .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug))
        .map(({ body, ...entry }): Partner => {
          // Rendered on first use: list pages and generateStaticParams never need the description.
          let html: string | undefined;
          return {
            ...entry,
            get html() {
              return (html ??= renderMarkdown(body));
            },
          };
        }),
    ]),
  ) as Record<Locale, Partner[]>;
  const headers = Object.fromEntries(
    Object.entries(checked.headers).map(([locale, { body, ...header }]) => [
      locale,
      { ...header, introHtml: renderMarkdown(body) },
    ]),
  ) as Record<Locale, Header>;
  return {
    partners,
    headers,
    accessibility: renderSitePages(checked.accessibility),
    imprint: renderSitePages(checked.imprint),
    privacy: renderSitePages(checked.privacy),
  };
}

/** Names, sizes and modification times of all content files: changes whenever an editor saves. */
function fingerprint(dir: string): string {
  return [dir, path.join(dir, 'partners')]
    .flatMap((folder) =>
      fs.existsSync(folder)
        ? fs.readdirSync(folder).map((name) => {
            const stat = fs.statSync(path.join(folder, name));
            return `${folder}/${name}:${stat.size}:${stat.mtimeMs}`;
          })
        : [],
    )
    .join('\n');
}

type Cached = { key: string; content: Content };

// Next bundles this module once for the pages and once more for the route handlers (sitemap,
// JSON), and a build worker renders both: in production the cache lives on globalThis, so a
// process loads the content once, not once per copy of the module.
const cacheSlot = Symbol.for('cc-partners.content');
const shared = globalThis as { [cacheSlot]?: Cached };
// In development each copy keeps its own, so that an edit of this file applies on reload.
let own: Cached | undefined;

/**
 * All content, loaded once per process. A production build reads it once and leaves drafts out;
 * `next dev` shows drafts and reloads when a file changes, so edits appear without a restart.
 */
function getContent(): Content {
  const dir = contentDir();
  if (process.env.NODE_ENV === 'production') {
    if (shared[cacheSlot]?.key !== dir)
      shared[cacheSlot] = { key: dir, content: loadContent(dir, { includeDrafts: false }) };
    return shared[cacheSlot].content;
  }
  const key = fingerprint(dir);
  if (own?.key !== key) own = { key, content: loadContent(dir, { includeDrafts: true }) };
  return own.content;
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

/** A page made from content files: a partner's, one of the site's own, or (else) the list. */
export type ContentPage = { partner: string } | { sitePage: SitePageName } | 'list';

/** When a page last changed in `locale`: the newest of the files it is made from. */
export async function getLastModified(locale: Locale, page: ContentPage): Promise<Date> {
  cachedDates ??= readFileDates(contentDir());
  const files =
    page === 'list'
      ? [
          `header.${locale}.md`,
          ...getContent().partners[locale].map((p) => `partners/${p.slug}.${locale}.md`),
        ]
      : 'partner' in page
        ? [`partners/${page.partner}.${locale}.md`]
        : // The privacy notice shows the operator's details from the imprint.
          [
            `${page.sitePage}.${locale}.md`,
            ...(page.sitePage === 'privacy' ? [`imprint.${locale}.md`] : []),
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

export async function getImprint(locale: Locale): Promise<Imprint> {
  return getContent().imprint[locale];
}

export async function getPrivacyNotice(locale: Locale): Promise<PrivacyNotice> {
  return getContent().privacy[locale];
}
