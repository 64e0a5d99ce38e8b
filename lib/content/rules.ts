import path from 'node:path';
import { routing, type Locale, type SitePageName, sitePageNames } from '../i18n/routing';
import type { Flaw, Parsed } from './parse';
import {
  imprintNeutralFields,
  languageNeutralFields,
  partnerFieldLabel,
  type PartnerFrontMatter,
} from './schema';
import { isPlaceholder } from './placeholders';

export type ContentProblem = {
  file: string;
  /** 1-based; the line of the offending key, or 1 when the whole file is the problem. */
  line: number;
  field: string;
  message: string;
  severity: 'error' | 'warning';
  /** Set on warnings about a placeholder, which `npm run launch:check` turns into errors. */
  placeholder?: true;
  /**
   * The problem in the web editor's words (German, with the form's labels, no file names), for
   * the rules an editor can break in the form; the editor shows it when it refuses to publish.
   */
  editor?: string;
};

/** The files every language has once: `<name>.<locale>.md` in the content folder. */
export type SiteFileName = 'header' | SitePageName;

/** One content file as read, before any rule has looked at it. */
export type ContentFile = {
  /** As messages show it: relative to the working directory when it lies inside it. */
  file: string;
  kind: SiteFileName | 'partner';
  /** The site file's name or the partner's slug: one text, written once in every language. */
  key: string;
  locale: Locale;
  parsed: Parsed | Flaw;
  /** The front matter as its schema's type, or what the schema refuses (absent: not parsed). */
  fields?: { data: Record<string, unknown> } | { flaws: Flaw[] };
};

/** The whole content folder as read: what every rule looks at. */
export type Content = {
  dir: string;
  now: Date;
  /** Also warn about placeholders in partner and header files (the go-live check does). */
  everyPlaceholder: boolean;
  /** The names of the files in the folder and in partners/, for the rules about names. */
  siteNames: string[];
  partnerNames: string[];
  /** Site files in name and language order, then partner files in name order. */
  files: ContentFile[];
};

/** A rule: every problem it finds in the content, each with its file, line, field and message. */
export type Rule = (content: Content) => ContentProblem[];

/** A path as messages show it: relative to the working directory when it lies inside it. */
export function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

const error = (file: string, field: string, message: string, line = 1): ContentProblem => ({
  file,
  line,
  field,
  message,
  severity: 'error',
});

const languages = routing.locales.join(', ');
/** "Englisch" for en: a language as the editor's messages name it. */
const germanNames = new Intl.DisplayNames('de', { type: 'language' });
const languageName = (locale: Locale) => germanNames.of(locale) ?? locale;
export const isLocale = (value: string): value is Locale =>
  (routing.locales as readonly string[]).includes(value);

export const partnerFileName = /^(?<slug>.+)\.(?<locale>[^.]+)\.md$/;
const slugPattern = /^[a-z0-9-]+$/;

/** Figures older than this many years get a warning. */
export const figuresMaxAge = 5;

/** What each site file's body holds, for the message when it is empty. */
const bodyOf: Record<SiteFileName | 'partner', string> = {
  header: 'the intro sentence',
  accessibility: 'the statement',
  imprint: 'the imprint',
  privacy: 'the privacy notice',
  partner: 'the description',
};

/** The front matter of a file that parsed and passed its schema, else undefined. */
export function dataOf(file: ContentFile): Record<string, unknown> | undefined {
  return file.fields && 'data' in file.fields ? file.fields.data : undefined;
}
const lineOf = (file: ContentFile, field: string) =>
  'lines' in file.parsed ? file.parsed.lines.get(field) : undefined;

/** The valid files of each text (a site file or a partner), in language order. */
function texts(content: Content, kind: 'site' | 'partner'): ContentFile[][] {
  const groups = new Map<string, ContentFile[]>();
  for (const file of content.files) {
    if ((file.kind === 'partner') !== (kind === 'partner') || !dataOf(file)) continue;
    const key = `${file.kind}/${file.key}`;
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  return [...groups.values()];
}
const partnerOf = (file: ContentFile) => dataOf(file) as PartnerFrontMatter;

export const partnerFileNames: Rule = ({ dir, partnerNames }) =>
  partnerNames.flatMap((name) => {
    const file = display(path.join(dir, 'partners', name));
    const match = partnerFileName.exec(name)?.groups;
    if (!match?.slug || !match.locale) {
      return [error(file, '(file name)', 'must be <slug>.<locale>.md, for example vku.de.md')];
    }
    if (!slugPattern.test(match.slug)) {
      const message = `"${match.slug}" may only use lowercase letters a–z, digits 0–9 and "-" (no capitals, spaces or umlauts)`;
      return [error(file, '(file name)', message)];
    }
    if (!isLocale(match.locale)) {
      return [
        error(
          file,
          '(file name)',
          `"${match.locale}" is not a language of this site (${languages})`,
        ),
      ];
    }
    return [];
  });

const siteFile = new RegExp(`^(?:header|${sitePageNames.join('|')})\\.(?<locale>[^.]+)\\.md$`);

export const siteFileLanguages: Rule = ({ dir, siteNames }) =>
  siteNames.flatMap((name) => {
    const locale = siteFile.exec(name)?.groups?.locale;
    if (!locale || isLocale(locale)) return [];
    const message = `"${locale}" is not a language of this site (${languages})`;
    return [error(display(path.join(dir, name)), '(file name)', message)];
  });

const siteFileNeeds: Record<SiteFileName, string> = {
  header: 'its header file',
  accessibility: 'its accessibility statement',
  imprint: 'its imprint',
  privacy: 'its privacy notice',
};

export const siteFilesPresent: Rule = ({ dir, files }) =>
  (Object.keys(siteFileNeeds) as SiteFileName[]).flatMap((kind) =>
    routing.locales
      .filter((locale) => !files.some((f) => f.kind === kind && f.locale === locale))
      .map((locale) =>
        error(
          display(path.join(dir, `${kind}.${locale}.md`)),
          '(file)',
          `is missing: every language needs ${siteFileNeeds[kind]}`,
        ),
      ),
  );

export const readableFrontMatter: Rule = ({ files }) =>
  files.flatMap(({ file, parsed }) =>
    'lines' in parsed ? [] : [error(file, parsed.field, parsed.message, parsed.line)],
  );

export const validFields: Rule = ({ files }) =>
  files.flatMap(({ file, fields }) =>
    fields && 'flaws' in fields
      ? fields.flaws.map((flaw) => error(file, flaw.field, flaw.message, flaw.line))
      : [],
  );

export const nonEmptyBodies: Rule = ({ files }) =>
  files
    .filter((file) => dataOf(file) && 'body' in file.parsed && !file.parsed.body)
    .map(({ file, kind }) =>
      error(file, 'body', `is empty: write ${bodyOf[kind]} below the front matter`),
    );

/** The site's own pages ship placeholders for what only the operator knows; the go-live check
 * also looks for them in the partners and the header. */
export const placeholdersMarked: Rule = ({ files, everyPlaceholder }) =>
  files.flatMap((file) => {
    const data = dataOf(file);
    const sitePage = file.kind !== 'header' && file.kind !== 'partner';
    if (!data || !(sitePage || everyPlaceholder) || !('body' in file.parsed)) return [];
    const warn = (field: string, value: string, line = 1): ContentProblem => ({
      file: file.file,
      line,
      field,
      message:
        field === 'body'
          ? `holds a placeholder ("${value.trim().slice(0, 60)}"): replace it with the real text before the site goes live`
          : `is a placeholder ("${value.trim().slice(0, 60)}"): enter the real value before the site goes live`,
      severity: 'warning',
      placeholder: true,
    });
    const { bodyLines, bodyStart } = file.parsed;
    return [
      ...Object.entries(data)
        .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
        .filter(([, value]) => isPlaceholder(value))
        .map(([field, value]) => warn(field, value, lineOf(file, field))),
      ...bodyLines.flatMap((text, i) =>
        isPlaceholder(text) ? [warn('body', text, bodyStart + i)] : [],
      ),
    ];
  });

const neutralFields: Partial<Record<ContentFile['kind'], readonly string[]>> = {
  imprint: imprintNeutralFields,
  partner: languageNeutralFields,
};

/** Fields such as a website or an address are entered once and must agree in every language. */
export const sameInEveryLanguage: Rule = (content) =>
  [...texts(content, 'site'), ...texts(content, 'partner')].flatMap(([first, ...others]) =>
    others.flatMap((other) =>
      (neutralFields[other.kind] ?? []).flatMap((field) => {
        const [a, b] = [dataOf(first!)![field], dataOf(other)![field]];
        if (a === b) return [];
        const message = `is ${b ?? '(not set)'} here but ${a ?? '(not set)'} in ${first!.file}; it must be the same in every language`;
        return [error(other.file, field, message, lineOf(other, field))];
      }),
    ),
  );

/** Files that exist but are broken still count as present: their own errors say what is wrong. */
export const partnersInEveryLanguage: Rule = (content) =>
  texts(content, 'partner').flatMap(([first]) => {
    if (partnerOf(first!).draft) return [];
    const present = new Set(
      content.files
        .filter((f) => f.kind === 'partner' && f.key === first!.key)
        .map((f) => f.locale),
    );
    return routing.locales
      .filter((locale) => !present.has(locale))
      .map((locale) => {
        const missing = display(path.join(content.dir, 'partners', `${first!.key}.${locale}.md`));
        const message = `has no ${locale} version: add ${missing} (or mark the partner as draft: true while it is being translated)`;
        return {
          ...error(first!.file, '(file)', message),
          editor: `${partnerOf(first!).shortName}: die Fassung auf ${languageName(locale)} fehlt; ergänzen Sie sie, oder setzen Sie „${partnerFieldLabel('draft')}“, solange übersetzt wird.`,
        };
      });
  });

/** A draft may still be an untranslated copy, as it may still lack a language. */
export const translatedSummaries: Rule = (content) =>
  texts(content, 'partner').flatMap(([first, ...others]) =>
    partnerOf(first!).draft
      ? []
      : others
          .filter((other) => partnerOf(other).summary === partnerOf(first!).summary)
          .map((other) => ({
            ...error(
              other.file,
              'summary',
              `is the same as in ${first!.file}: translate it`,
              lineOf(other, 'summary'),
            ),
            editor: `${partnerFieldLabel('summary')} auf ${languageName(other.locale)}: noch derselbe Text wie auf ${languageName(first!.locale)}; er muss übersetzt werden.`,
          })),
  );

export const uniqueOrders: Rule = (content) => {
  const taken = new Map<number, ContentFile>();
  return texts(content, 'partner').flatMap(([first]) => {
    const { order, shortName } = partnerOf(first!);
    const holder = taken.get(order);
    if (!holder) {
      taken.set(order, first!);
      return [];
    }
    const message = `${order} is already used by ${holder.file}: give each partner its own number`;
    return [
      {
        ...error(first!.file, 'order', message, lineOf(first!, 'order')),
        // Either of the two may be the one just changed: the editor's words name both.
        editor: `${partnerFieldLabel('order')}: ${partnerOf(holder).shortName} und ${shortName} haben beide die ${order}; jeder Partner braucht eine eigene Zahl.`,
      },
    ];
  });
};

export const recentFigures: Rule = (content) =>
  texts(content, 'partner').flatMap(([first]) => {
    const { figuresAsOf } = partnerOf(first!);
    if (!figuresAsOf || content.now.getFullYear() - figuresAsOf <= figuresMaxAge) return [];
    return [
      {
        file: first!.file,
        line: lineOf(first!, 'figuresAsOf') ?? 1,
        field: 'figuresAsOf',
        message: `the figures are from ${figuresAsOf}, more than ${figuresMaxAge} years ago: check them in every language and update the year`,
        severity: 'warning' as const,
      },
    ];
  });

/** Every rule of the content check, in the order their problems are listed within a line. */
export const contentRules = {
  partnerFileNames,
  siteFileLanguages,
  siteFilesPresent,
  readableFrontMatter,
  validFields,
  nonEmptyBodies,
  placeholdersMarked,
  sameInEveryLanguage,
  partnersInEveryLanguage,
  translatedSummaries,
  uniqueOrders,
  recentFigures,
} satisfies Record<string, Rule>;
