import fs from 'node:fs';
import path from 'node:path';
import { routing, type Locale } from './i18n/routing';
import {
  checkContent,
  contentDir,
  formatProblem,
  type ContentProblem,
  type PartnerEntry,
} from './content-check';
import { renderMarkdown } from './markdown';

export type { PartnerType } from './content-schema';
export { contentDir, type ContentProblem } from './content-check';

export type Partner = Omit<PartnerEntry, 'body'> & {
  /** The description, rendered by the sanitizing Markdown pipeline. */
  html: string;
};

export type Header = { quote: string; attribution: string; introHtml: string };

export type Content = {
  partners: Record<Locale, Partner[]>;
  headers: Record<Locale, Header>;
};

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
  return { partners, headers };
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

let cached: { key: string; content: Content } | undefined;

/**
 * All content, loaded once per process. A production build reads it once and leaves drafts out;
 * `next dev` shows drafts and reloads when a file changes, so edits appear without a restart.
 */
function getContent(): Content {
  const dir = contentDir();
  if (process.env.NODE_ENV === 'production') {
    if (cached?.key !== dir)
      cached = { key: dir, content: loadContent(dir, { includeDrafts: false }) };
    return cached.content;
  }
  const key = fingerprint(dir);
  if (cached?.key !== key) cached = { key, content: loadContent(dir, { includeDrafts: true }) };
  return cached.content;
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
