import fs from 'node:fs';
import vm from 'node:vm';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { cmsConfig } from '@/lib/cms/config';

type Entry = {
  collection: string;
  slug?: string;
  data: Record<string, unknown>;
  i18n?: Record<string, { data: object }>;
};
type Handler = (event: { entry: unknown }) => Promise<unknown>;

const api = 'https://ghe.example.org/api/v3';
const config = cmsConfig({
  SITE_URL: 'https://partners.example.org',
  CMS_GITHUB_REPO: 'cc/partners',
  CMS_GITHUB_API_URL: api,
});
let configRequests = 0;

/**
 * public/admin/cms-checks.js as the browser runs it, with the editor's configuration served
 * (`answers`: the status of each request for it, then 200), GitHub's API answering from
 * `github` (path → JSON, or a status) and the editor's login in localStorage.
 */
function loadChecks(
  configText = JSON.stringify(config),
  answers: number[] = [],
  github: Record<string, unknown> = {},
  user: object | null = { backendName: 'github', token: 'gho_editor' },
) {
  const listeners: Record<string, Handler> = {};
  const context = {
    jsyaml: yaml,
    CMS: {
      registerEventListener: ({ name, handler }: { name: string; handler: Handler }) =>
        (listeners[name] = handler),
    },
    document: {
      querySelector: () => ({ getAttribute: () => '/admin/config.yml' }),
    },
    localStorage: { getItem: () => JSON.stringify(user) },
    fetch: async (url: string, init?: { headers?: Record<string, string> }) => {
      if (url.startsWith(`${api}/repos/cc/partners/`)) {
        const answer = github[url.slice(`${api}/repos/cc/partners`.length)];
        const authorized = init?.headers?.Authorization === 'token gho_editor';
        if (typeof answer === 'number' || answer === undefined || !authorized)
          return new Response('{}', { status: typeof answer === 'number' ? answer : 404 });
        return Response.json(answer);
      }
      configRequests++;
      const status = url === '/admin/config.yml' ? (answers.shift() ?? 200) : 404;
      return new Response(status === 200 ? configText : '', { status });
    },
  };
  vm.runInNewContext(fs.readFileSync('public/admin/cms-checks.js', 'utf8'), context);
  expect(Object.keys(listeners)).toEqual(['preSave', 'prePublish']);
  return listeners;
}

/** Decap's Immutable.js entry, as far as the checks use it: toJS() and deleteIn(). */
function immutable(entry: Entry): { toJS: () => Entry; deleteIn: (path: string[]) => unknown } {
  return {
    toJS: () => structuredClone(entry),
    deleteIn: ([key, locale]: string[]) => {
      const copy = structuredClone(entry);
      if (key === 'i18n' && copy.i18n) delete copy.i18n[locale!];
      return immutable(copy);
    },
  };
}

const saveWith = (listeners: Record<string, Handler>) => (entry: Entry) =>
  listeners.preSave!({ entry: immutable(entry) });
const save = saveWith(loadChecks());

/** A partner as Decap holds it: the German data, and the English data under i18n. */
function partner(english: Record<string, unknown>): Entry {
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

describe('the web editor’s check of a draft', () => {
  const draft = (english: Record<string, unknown>) => {
    const entry = partner({ ...english, draft: true });
    entry.data.draft = true;
    return entry;
  };

  it('saves a draft whose English half is empty, without an English file', async () => {
    const event = { entry: immutable(draft({})) };
    await expect(loadChecks().preSave!(event)).resolves.toBeUndefined();
    const saved = (event.entry as ReturnType<typeof immutable>).toJS();
    expect(saved.i18n).toEqual({});
    expect(saved.data).toEqual(draft({}).data);
  });

  it('saves a draft with a complete English half as it is', async () => {
    const event = { entry: immutable(draft(complete)) };
    await expect(loadChecks().preSave!(event)).resolves.toBeUndefined();
    expect((event.entry as ReturnType<typeof immutable>).toJS()).toEqual(draft(complete));
  });

  it('refuses a draft whose English half is begun but not finished, naming the fields', async () => {
    const error = await save(draft({ name: 'Example Association' })).catch((e: Error) => e);
    expect(String(error)).toBe(
      'Englische Fassung: Kurzname fehlt; Kurzbeschreibung fehlt; Beschreibung fehlt.',
    );
  });

  it('refuses the same empty English half when the partner is no draft', async () => {
    const entry = draft({});
    entry.data.draft = false;
    const error = await save(entry).catch((e: Error) => e);
    expect(String(error)).toMatch(/^Englische Fassung: Name fehlt; /);
  });
});

describe('the web editor’s check before publishing', () => {
  const entry = { collection: 'partners', slug: 'vku', data: {} };
  const savedAt = (minutesAgo: number) => ({
    commit: {
      sha: 'c0ffee',
      commit: { committer: { date: new Date(Date.now() - minutesAgo * 60_000).toISOString() } },
    },
  });
  const branch = savedAt(10);
  const failedRun = { id: 7, name: 'content', status: 'completed', conclusion: 'failure' };
  const publish = (github: Record<string, unknown>, user?: object | null) =>
    loadChecks(undefined, [], github, user).prePublish!({ entry: immutable(entry) });

  it('refuses in German what the content check found on the change’s branch, and says what to do', async () => {
    const error = await publish({
      '/branches/cms%2Fpartners%2Fvku': branch,
      '/commits/c0ffee/check-runs': { total_count: 1, check_runs: [failedRun] },
      '/check-runs/7/annotations': [
        {
          path: 'content/partners/vku.de.md',
          start_line: 7,
          annotation_level: 'failure',
          title:
            'Reihenfolge: Difu und VKU haben beide die 4; jeder Partner braucht eine eigene Zahl.',
          message:
            'order: 4 is already used by content/partners/difu.de.md: give each partner its own number',
        },
        {
          path: 'content/partners/vku.en.md',
          start_line: 3,
          annotation_level: 'failure',
          title: 'name',
          message: 'name: must not be empty',
        },
        {
          path: 'content/partners/vku.de.md',
          start_line: 10,
          annotation_level: 'warning',
          message: 'figuresAsOf: old',
        },
      ],
    }).catch((e: Error) => e);
    expect(String(error)).toBe(
      'Die Inhaltsprüfung hat in dieser Änderung Fehler gefunden. ' +
        'Reihenfolge: Difu und VKU haben beide die 4; jeder Partner braucht eine eigene Zahl. ' +
        'content/partners/vku.en.md, Zeile 3: name: must not be empty. ' +
        'Bitte korrigieren Sie das im Formular und speichern Sie. Sobald die Prüfung der neuen Fassung ' +
        'grün ist (etwa eine Minute), können Sie veröffentlichen.',
    );
  });

  it('asks to wait while the check is still running', async () => {
    const error = await publish({
      '/branches/cms%2Fpartners%2Fvku': branch,
      '/commits/c0ffee/check-runs': {
        check_runs: [{ id: 8, name: 'content', status: 'in_progress', conclusion: null }],
      },
    }).catch((e: Error) => e);
    expect(String(error)).toBe(
      'Die Inhaltsprüfung dieser Änderung läuft noch. Bitte in einer Minute noch einmal veröffentlichen.',
    );
  });

  it('asks to wait while GitHub has not started the check of a change saved just now', async () => {
    const error = await publish({
      '/branches/cms%2Fpartners%2Fvku': savedAt(0.5),
      '/commits/c0ffee/check-runs': { check_runs: [] },
    }).catch((e: Error) => e);
    expect(String(error)).toBe(
      'Die Inhaltsprüfung dieser Änderung läuft noch. Bitte in einer Minute noch einmal veröffentlichen.',
    );
  });

  it.each([
    ['the check passed', { check_runs: [{ ...failedRun, conclusion: 'success' }] }, undefined],
    ['GitHub ran no check minutes after the save', { check_runs: [] }, undefined],
    ['GitHub does not answer', 503, undefined],
    ['the editor is not logged in with GitHub', { check_runs: [failedRun] }, null],
  ])('leaves the decision to GitHub when %s', async (_case, runs, user) => {
    const github = { '/branches/cms%2Fpartners%2Fvku': branch, '/commits/c0ffee/check-runs': runs };
    await expect(publish(github, user)).resolves.toBeUndefined();
  });
});
