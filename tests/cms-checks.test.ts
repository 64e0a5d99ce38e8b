import fs from 'node:fs';
import vm from 'node:vm';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { cmsConfig } from '@/lib/cms/config';

type Entry = { collection: string; data: object; i18n?: Record<string, { data: object }> };
type Handler = (event: { entry: unknown }) => Promise<unknown>;

const config = cmsConfig({ SITE_URL: 'https://partners.example.org' });
let configRequests = 0;

/**
 * public/admin/cms-checks.js as the browser runs it, with the editor's configuration served
 * (`answers`: the status of each request for it, then 200).
 */
function loadChecks(configText = JSON.stringify(config), answers: number[] = []) {
  const listeners: { name: string; handler: Handler }[] = [];
  const context = {
    jsyaml: yaml,
    CMS: { registerEventListener: (listener: (typeof listeners)[0]) => listeners.push(listener) },
    document: {
      querySelector: () => ({ getAttribute: () => '/admin/config.yml' }),
    },
    fetch: async (url: string) => {
      configRequests++;
      const status = url === '/admin/config.yml' ? (answers.shift() ?? 200) : 404;
      return new Response(status === 200 ? configText : '', { status });
    },
  };
  vm.runInNewContext(fs.readFileSync('public/admin/cms-checks.js', 'utf8'), context);
  expect(listeners.map((l) => l.name)).toEqual(['preSave']);
  return listeners[0]!.handler;
}

// Decap hands over an Immutable.js map; the check reads it through toJS().
const saveWith = (handler: Handler) => (entry: Entry) =>
  handler({ entry: { toJS: () => structuredClone(entry) } });
const save = saveWith(loadChecks());

/** A partner as Decap holds it: the German data, and the English data under i18n. */
function partner(english: Record<string, unknown>) {
  const german = {
    name: 'Beispielverband',
    shortName: 'BV',
    summary: 'Ein Verband.',
    website: 'https://www.example.org',
    type: 'association',
    order: 9,
    body: 'Text.',
  };
  const { website, type, order } = german;
  return {
    collection: 'partners',
    data: german,
    i18n: { en: { data: { website, type, order, ...english } } },
  };
}

const complete = {
  name: 'Example Association',
  shortName: 'EA',
  summary: 'An association.',
  body: 'Text.',
};
const fields = (config.collections[0] as unknown as { fields: Record<string, unknown>[] }).fields;
const translated = fields.filter((f) => f.i18n === true);

describe('the web editor’s check of the English half', () => {
  it('lets a complete entry be saved unchanged', async () => {
    await expect(save(partner(complete))).resolves.toBeUndefined();
  });

  it('names every required English field of the schema when the English half is empty', async () => {
    const required = translated.filter((f) => f.required !== false).map((f) => f.label);
    expect(required).toEqual(['Name', 'Kurzname', 'Kurzbeschreibung', 'Beschreibung']);
    const error = await save(partner({})).catch((e: Error) => e);
    expect(String(error)).toBe(
      `Englische Fassung: ${required.map((label) => `${label} fehlt`).join('; ')}.`,
    );
  });

  it('counts text of spaces only as missing and leaves optional fields alone', async () => {
    const error = await save(partner({ ...complete, summary: '  ', seat: undefined })).catch(
      (e: Error) => e,
    );
    expect(String(error)).toBe('Englische Fassung: Kurzbeschreibung fehlt.');
  });

  it('applies the form’s patterns to the English fields', async () => {
    const error = await save(
      partner({ ...complete, summary: 'x'.repeat(201), shortName: 'A_B', seat: 'y'.repeat(101) }),
    ).catch((e: Error) => e);
    expect(String(error)).toBe(
      'Englische Fassung: Kurzname: Höchstens 20 Zeichen, ohne _ und ~; ' +
        'Kurzbeschreibung: Höchstens 200 Zeichen; Sitz: Höchstens 100 Zeichen.',
    );
  });

  it('accepts every partner as it is in content/', async () => {
    for (const slug of fs
      .readdirSync('content/partners')
      .filter((f) => f.endsWith('.de.md'))
      .map((f) => f.replace('.de.md', ''))) {
      const read = (locale: string) =>
        yaml.load(
          fs.readFileSync(`content/partners/${slug}.${locale}.md`, 'utf8').split('---')[1]!,
        ) as object;
      const entry = {
        collection: 'partners',
        data: { ...read('de'), body: 'Text.' },
        i18n: { en: { data: { ...read('en'), body: 'Text.' } } },
      };
      await expect(save(entry), slug).resolves.toBeUndefined();
    }
  });

  it('does not check the site pages, whose files have one language each', async () => {
    await expect(save({ collection: 'pages', data: { title: '' } })).resolves.toBeUndefined();
  });

  it('reads the configuration once', () => {
    expect(configRequests).toBe(1);
  });

  it('checks fields marked i18n: translate as well', async () => {
    const translate = structuredClone(config) as unknown as typeof config & {
      collections: { fields: { name: string; i18n?: unknown }[] }[];
    };
    for (const f of translate.collections[0]!.fields) if (f.i18n === true) f.i18n = 'translate';
    const error = await saveWith(loadChecks(JSON.stringify(translate)))(
      partner({ ...complete, name: '' }),
    ).catch((e: Error) => e);
    expect(String(error)).toBe('Englische Fassung: Name fehlt.');
  });

  it('says so in German when the configuration cannot be read, and tries again', async () => {
    const flaky = saveWith(loadChecks(undefined, [503]));
    const error = await flaky(partner(complete)).catch((e: Error) => e);
    expect(String(error)).toBe(
      'Die Einstellungen des Editors (/admin/config.yml) ließen sich nicht laden (HTTP 503). ' +
        'Bitte die Seite neu laden und noch einmal speichern.',
    );
    await expect(flaky(partner(complete))).resolves.toBeUndefined();
  });
});
