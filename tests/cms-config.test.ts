import fs from 'node:fs';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { cmsConfig, partnerPreviewPath } from '@/lib/cms/config';
import {
  accessibilityFrontMatter,
  type FieldMeta,
  headerFrontMatter,
  imprintFrontMatter,
  languageNeutralFields,
  nameLanguages,
  partnerFrontMatter,
  partnerTypes,
  privacyFrontMatter,
} from '@/lib/content/schema';
import { routing } from '@/lib/i18n/routing';

type Field = Record<string, unknown> & { name: string; label: string };
const config = cmsConfig({ SITE_URL: 'https://partners.example.org', CMS_GITHUB_REPO: 'org/site' });
const [partners, pages] = config.collections as unknown as [
  {
    folder: string;
    fields: Field[];
    i18n: boolean;
    slug: string;
    delete: boolean;
    preview_path: string;
    cc_preview_paths: Record<string, string>;
    editor: { preview: boolean };
  },
  { files: { name: string; file: string; fields: Field[] }[]; delete: boolean },
];
const field = (name: string) => partners.fields.find((f) => f.name === name)!;
const shape = partnerFrontMatter.shape as Record<string, z.ZodType>;
const metaOf = (schema: z.ZodType) =>
  (
    (schema.safeParse(undefined).success ? (schema as z.ZodOptional).unwrap() : schema) as z.ZodType
  ).meta() as FieldMeta;

/** Whether the form's pattern lets `value` through (Decap checks patterns on filled fields only). */
function formAccepts(f: Field, value: string) {
  const [pattern] = (f.pattern as [string, string] | undefined) ?? ['.*'];
  return new RegExp(pattern).test(value);
}

describe('the web editor’s configuration, generated from lib/content/schema.ts', () => {
  it('has every partner field of the schema, in its order, then the description', () => {
    expect(partners.fields.map((f) => f.name)).toEqual([...Object.keys(shape), 'body']);
    expect(partners.folder).toBe('content/partners');
  });

  it.each(Object.keys(shape))('shows %s as the schema says', (name) => {
    const f = field(name);
    const meta = metaOf(shape[name]!);
    expect(f.label).toBe(meta.label);
    expect(f.hint).toBe(meta.hint);
    expect(f.required === false, 'optional').toBe(shape[name]!.safeParse(undefined).success);
    expect(f.i18n).toBe(
      (languageNeutralFields as readonly string[]).includes(name) ? 'duplicate' : true,
    );
  });

  it('offers exactly the schema’s values as selects, with readable labels', () => {
    const values = (name: string) =>
      (field(name).options as { value: string }[]).map((o) => o.value);
    expect(field('type').widget).toBe('select');
    expect(values('type')).toEqual([...partnerTypes]);
    expect(field('type').options).toContainEqual({ label: 'Verband', value: 'association' });
    expect(field('nameLang').widget).toBe('select');
    expect(values('nameLang')).toEqual([...nameLanguages]);
    expect(field('nameLang').options).toContainEqual({ label: 'Englisch (en)', value: 'en' });
  });

  it('takes order, founded and figuresAsOf as whole numbers, draft as a toggle', () => {
    for (const name of ['order', 'founded', 'figuresAsOf']) {
      expect(field(name)).toMatchObject({ widget: 'number', value_type: 'int' });
    }
    expect(field('founded')).toMatchObject({ min: 1800, max: 2100 });
    expect(field('draft').widget).toBe('boolean');
  });

  it.each([
    ['website', 'https://www.vku.de', true],
    ['website', 'http://www.vku.de', false],
    ['website', 'https://', false],
    ['website', 'www.vku.de', false],
    ['summary', 'x'.repeat(200), true],
    ['summary', 'x'.repeat(201), false],
    ['shortName', 'x'.repeat(21), false],
    ['shortName', 'Dt. Städtetag', true],
    ['shortName', 'A_B', false],
  ] as const)('checks %s "%s" as the schema does (%s)', (name, value, valid) => {
    expect(formAccepts(field(name), value)).toBe(valid);
    expect(shape[name]!.safeParse(value).success).toBe(valid);
  });

  it('writes both languages as content/partners/<slug>.<locale>.md, the slug made safe', () => {
    expect(config.i18n).toEqual({
      structure: 'multiple_files',
      locales: [...routing.locales],
      default_locale: routing.defaultLocale,
    });
    expect(partners).toMatchObject({ i18n: true, slug: '{{fields.shortName}}' });
    expect(config.slug).toEqual({
      encoding: 'ascii',
      clean_accents: true,
      sanitize_replacement: '-',
    });
  });

  it.each([
    ['header', headerFrontMatter],
    ['accessibility', accessibilityFrontMatter],
    ['imprint', imprintFrontMatter],
    ['privacy', privacyFrontMatter],
  ] as const)('lets editors change the %s in every language', (name, schema) => {
    for (const locale of routing.locales) {
      const page = pages.files.find((f) => f.file === `content/${name}.${locale}.md`);
      expect(page, `${name}.${locale}`).toBeDefined();
      expect(page!.fields.map((f) => f.name)).toEqual([...Object.keys(schema.shape), 'body']);
    }
  });

  it('logs in with GitHub through this site and reviews changes before they go live', () => {
    expect(config.backend).toMatchObject({
      name: 'github',
      repo: 'org/site',
      base_url: 'https://partners.example.org',
      auth_endpoint: 'admin/auth',
    });
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.local_backend.url).toMatch(/^http:\/\/localhost:\d+\/api\/v1$/);
  });

  it('talks to github.com, or to the GitHub API the build names (GitHub Enterprise)', () => {
    expect(config.backend.api_root).toBe('https://api.github.com');
    const enterprise = cmsConfig({ CMS_GITHUB_API_URL: 'https://ghe.example.org/api/v3/' });
    expect(enterprise.backend.api_root).toBe('https://ghe.example.org/api/v3');
  });

  it('deletes nothing itself: a partner leaves the site as a draft, through a pull request', () => {
    expect(partners.delete).toBe(false);
    expect(pages.delete).toBe(false);
  });

  it('offers no uploads: no field takes files, and the media library is an empty one of ours', () => {
    const widgets = [...partners.fields, ...pages.files.flatMap((f) => f.fields)].map(
      (f) => f.widget,
    );
    expect(widgets).not.toContain('file');
    expect(widgets).not.toContain('image');
    for (const f of [...partners.fields, ...pages.files.flatMap((file) => file.fields)]) {
      if (f.widget === 'markdown') expect(f.editor_components, f.name).toEqual([]);
    }
    expect(config).not.toHaveProperty('media_folder');
    const registered: { name: string; init: () => { enableStandalone: () => boolean } }[] = [];
    vm.runInNewContext(fs.readFileSync('public/admin/cms-no-media.js', 'utf8'), {
      CMS: { registerMediaLibrary: (library: (typeof registered)[0]) => registered.push(library) },
    });
    expect(registered.map((library) => library.name)).toEqual([config.media_library.name]);
    expect(registered[0]!.init().enableStandalone()).toBe(false);
  });

  it('shows a partner’s own page in every language, and a preview of it', () => {
    expect(partners.preview_path).toBe('de/partner/{{slug}}');
    expect(partners.cc_preview_paths).toEqual({
      de: 'de/partner/{{slug}}',
      en: 'en/partners/{{slug}}',
    });
    expect(partnerPreviewPath('en')).toBe('en/partners/{{slug}}');
    expect(partners.editor.preview).toBe(true);
  });
});
