// lib/cms/: the web editor (Decap CMS): its configuration, its GitHub login and its headers.
import { createTranslator } from 'next-intl';
import type { z } from 'zod';
import de from '../../messages/de.json';
import {
  accessibilityFrontMatter,
  fieldParts,
  headerFrontMatter,
  imprintFrontMatter,
  languageNeutralFields,
  partnerFrontMatter,
  privacyFrontMatter,
} from '../content/schema';
import { routing, type Locale } from '../i18n/routing';
import { getSiteUrl } from '../site/origin';
import { githubApiUrl } from './github';
import { cmsProxyPort } from './proxy';

/** The editors' language: Decap's own texts, and every label and hint of lib/content/schema.ts. */
export const cmsLocale: Locale = 'de';

/** The repository the editor's configuration names while CMS_GITHUB_REPO is not set. */
export const defaultCmsRepo = 'owner/repository';

/** The name of our Decap format (public/admin/cms-format.js): the files as this project writes them. */
export const cmsFormat = 'cc-markdown';

/** Our media library (public/admin/cms-no-media.js): none, as no field takes files. */
export const cmsMediaLibrary = 'cc-no-media';

/** A partner's page in one language, as Decap's `preview_path`: e.g. en/partners/{{slug}}. */
export function partnerPreviewPath(locale: Locale): string {
  return `${locale}${routing.pathnames['/partners/[slug]'][locale].replace('[slug]', '{{slug}}')}`;
}

type CmsField = Record<string, unknown>;
type Shape = Record<string, z.ZodType>;

const t = createTranslator({ locale: cmsLocale, messages: de });
const languageNames = new Intl.DisplayNames([cmsLocale], { type: 'language' });

/** The label an option of a select shows: the site's own wording where it has one. */
function optionLabel(field: string, value: string): string {
  if (field === 'type') return t('PartnerType.label', { type: value });
  if (field === 'nameLang') return `${languageNames.of(value)} (${value})`;
  return value;
}

/** One front-matter field as a Decap widget, from its zod schema: required, kind, rules, texts. */
export function cmsField(name: string, schema: z.ZodType): CmsField {
  const { optional, inner, meta } = fieldParts(schema);
  if (!meta?.label) throw new Error(`lib/content/schema.ts: ${name} has no label for the editor`);
  const field: CmsField = { name, label: meta.label };
  if (meta.hint) field.hint = meta.hint;
  if (optional) field.required = false;
  const def = inner as unknown as {
    type: string;
    maxLength?: number | null;
    isInt?: boolean;
    minValue?: number | null;
    maxValue?: number | null;
    options?: readonly string[];
    def: { out?: { format?: string } };
  };
  switch (def.type) {
    case 'string': {
      field.widget = 'string';
      const max = def.maxLength;
      if (meta.pattern) field.pattern = meta.pattern;
      else if (max) field.pattern = [`^.{0,${max}}$`, `Höchstens ${max} Zeichen`];
      break;
    }
    case 'number':
      Object.assign(field, { widget: 'number', value_type: def.isInt ? 'int' : 'float' });
      if (Number.isFinite(def.minValue)) field.min = def.minValue;
      if (Number.isFinite(def.maxValue)) field.max = def.maxValue;
      break;
    case 'boolean':
      field.widget = 'boolean';
      break;
    case 'enum':
      field.widget = 'select';
      field.options = def.options!.map((value) => ({ label: optionLabel(name, value), value }));
      break;
    case 'pipe':
      if (def.def.out?.format !== 'date') throw new Error(`${name}: no widget for this field`);
      Object.assign(field, {
        widget: 'datetime',
        format: 'YYYY-MM-DD',
        date_format: 'DD.MM.YYYY',
        time_format: false,
      });
      break;
    default:
      throw new Error(`${name}: no widget for a field of type ${def.type}`);
  }
  return field;
}

function cmsFields(shape: Shape): CmsField[] {
  return Object.entries(shape).map(([name, schema]) => cmsField(name, schema));
}

const body = (label: string, hint?: string): CmsField => ({
  name: 'body',
  label,
  widget: 'markdown',
  // Text, headings, links and lists: no images, no embeds.
  editor_components: [],
  ...(hint && { hint }),
});

/** The site's own pages, one entry per page and language (Decap's file collections have no i18n). */
const pages = [
  {
    name: 'header',
    label: 'Kopf der Partnerseite',
    schema: headerFrontMatter,
    body: body('Einleitung', 'Der Satz unter dem Zitat.'),
  },
  {
    name: 'accessibility',
    label: 'Erklärung zur Barrierefreiheit',
    schema: accessibilityFrontMatter,
    body: body('Erklärung', 'Abschnitte mit ## beginnen.'),
  },
  {
    name: 'imprint',
    label: 'Impressum',
    schema: imprintFrontMatter,
    body: body('Weitere Hinweise'),
  },
  {
    name: 'privacy',
    label: 'Datenschutzerklärung',
    schema: privacyFrontMatter,
    body: body(
      'Text',
      'Was hier über Cookies, Skripte und Protokolle steht, prüfen Tests gegen den Server: Änderungen daran mit dem Betrieb absprechen.',
    ),
  },
];

type Env = Record<string, string | undefined>;

/** GitHub with the editorial workflow: every save a branch and a pull request, squashed on publish. */
function backend(env: Env, site: string) {
  return {
    name: 'github',
    repo: env.CMS_GITHUB_REPO || defaultCmsRepo,
    branch: env.CMS_GITHUB_BRANCH || 'main',
    api_root: githubApiUrl(env.CMS_GITHUB_API_URL),
    base_url: site,
    auth_endpoint: 'admin/auth',
    squash_merges: true,
  };
}

/** Partners, both languages in one form; the language-neutral fields entered once. */
function partnersCollection() {
  const neutral = new Set<string>(languageNeutralFields);
  const fields = Object.entries(partnerFrontMatter.shape as Shape).map(([name, schema]) => ({
    ...cmsField(name, schema),
    i18n: neutral.has(name) ? 'duplicate' : true,
  }));
  return {
    name: 'partners',
    label: 'Partner',
    label_singular: 'Partner',
    description:
      'Jeder Partner hat eine deutsche und eine englische Fassung. Website, Art, Reihenfolge, Gründungsjahr, Stand der Zahlen und Entwurf gelten für beide und werden nur auf Deutsch eingegeben.',
    folder: 'content/partners',
    extension: 'md',
    format: cmsFormat,
    create: true,
    // A partner leaves the site as a draft, through a pull request like every change:
    // Decap deletes (and unpublishes) straight on the default branch.
    delete: false,
    i18n: true,
    identifier_field: 'name',
    slug: '{{fields.shortName}}',
    summary: '{{order}}. {{shortName}}: {{name}}',
    sortable_fields: [{ field: 'order', default_sort: 'asc' }, 'name'],
    // "Live ansehen": the partner's page in the default language; public/admin/cms-live.js
    // switches it to the language the editor shows on the left (cc_preview_paths).
    preview_path: partnerPreviewPath(routing.defaultLocale),
    cc_preview_paths: Object.fromEntries(
      routing.locales.map((locale) => [locale, partnerPreviewPath(locale)]),
    ),
    // The preview is the partner page's own markup (app/admin/preview.tsx).
    editor: { preview: true },
    fields: [...fields, { ...body('Beschreibung'), i18n: true }],
  };
}

/** The site's own pages, each language a file of its own. */
function pagesCollection() {
  return {
    name: 'pages',
    label: 'Seiten',
    format: cmsFormat,
    delete: false,
    editor: { preview: false },
    files: pages.flatMap((page) =>
      routing.locales.map((locale) => ({
        name: `${page.name}-${locale}`,
        label: `${page.label} (${languageNames.of(locale)})`,
        file: `content/${page.name}.${locale}.md`,
        fields: [...cmsFields(page.schema.shape as Shape), page.body],
      })),
    ),
  };
}

/**
 * Decap CMS's configuration (served as /admin/config.yml), generated from lib/content/schema.ts:
 * partners in both languages in one form; the site's own pages per language. GitHub with the
 * editorial workflow in production, decap-server when the editor runs on localhost
 * (`npm run edit`).
 */
export function cmsConfig(env: Env = process.env) {
  const site = getSiteUrl(env).origin;
  return {
    backend: backend(env, site),
    publish_mode: 'editorial_workflow',
    // Used only where the editor is opened on localhost; then the proxy writes the working tree.
    local_backend: { url: `http://localhost:${cmsProxyPort}/api/v1` },
    site_url: site,
    display_url: site,
    locale: cmsLocale,
    // No field takes files: without a media library of ours Decap would offer uploads that
    // commit straight to the default branch.
    media_library: { name: cmsMediaLibrary },
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    i18n: {
      structure: 'multiple_files',
      locales: [...routing.locales],
      default_locale: routing.defaultLocale,
    },
    collections: [partnersCollection(), pagesCollection()],
  };
}
