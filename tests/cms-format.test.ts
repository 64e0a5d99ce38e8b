import fs from 'node:fs';
import vm from 'node:vm';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import matter from 'gray-matter';
import { cmsConfig } from '@/lib/cms/config';

type Format = {
  fromFile: (content: string) => Record<string, unknown>;
  toFile: (data: Record<string, unknown>, sortedKeys: string[]) => string;
};

/** public/admin/cms-format.js as the browser runs it: a script that registers with Decap. */
function loadFormat(): Format {
  const registered: Record<string, Format> = {};
  const CMS = {
    registerCustomFormat: (name: string, _ext: string, f: Format) => (registered[name] = f),
  };
  vm.runInNewContext(fs.readFileSync('public/admin/cms-format.js', 'utf8'), { jsyaml: yaml, CMS });
  return registered['cc-markdown']!;
}

const format = loadFormat();

/** What the site's own parser (gray-matter's YAML, js-yaml 3) reads from a file's front matter. */
const siteReads = (file: string) => matter(file).data;
const config = cmsConfig({ SITE_URL: 'https://partners.example.org' });
const names = (fields: { name: string }[]) => fields.map((field) => field.name);
const [partners, pages] = config.collections as unknown as [
  { fields: { name: string }[] },
  { files: { file: string; fields: { name: string }[] }[] },
];
const files = [
  ...fs.readdirSync('content/partners').map((name) => ({
    file: `content/partners/${name}`,
    keys: names(partners.fields),
  })),
  ...pages.files.map((page) => ({ file: page.file, keys: names(page.fields) })),
];

describe('the web editor’s file format', () => {
  it('is registered as the format of both collections', () => {
    expect(config.collections.map((c) => c.format)).toEqual(['cc-markdown', 'cc-markdown']);
    expect(format).toBeDefined();
  });

  it.each(files.map(({ file, keys }) => [file, keys] as const))(
    'writes %s back byte for byte when nothing changed',
    (file, keys) => {
      const raw = fs.readFileSync(file, 'utf8');
      expect(format.toFile(format.fromFile(raw), keys)).toBe(raw);
    },
  );

  it('leaves empty fields out, keeps the form’s order, and quotes only what needs it', () => {
    const written = format.toFile(
      {
        body: 'Text.\n\n',
        seat: 'Köln',
        name: 'Name: with colon',
        draft: null,
        founded: '',
        order: 3,
        website: 'https://www.example.org',
        shortName: 'true',
        summary: 'Say "hi"',
        reviewed: '2026-11-30',
        nameLang: undefined,
      },
      ['name', 'nameLang', 'shortName', 'summary', 'website', 'order', 'founded', 'seat', 'draft'],
    );
    expect(written).toBe(
      [
        '---',
        'name: "Name: with colon"',
        'shortName: "true"',
        'summary: "Say \\"hi\\""',
        'website: https://www.example.org',
        'order: 3',
        'seat: Köln',
        'reviewed: 2026-11-30',
        '---',
        '',
        'Text.',
        '',
      ].join('\n'),
    );
    expect(siteReads(written)).toMatchObject({
      name: 'Name: with colon',
      shortName: 'true',
      summary: 'Say "hi"',
    });
  });

  it.each(['10:30', '1_000', 'Hinweis:', 'null', '0x1F', 'Köln', 'Ende.', 'a@b.de', '+49'])(
    'writes "%s" so that the site reads the same text back',
    (value) => {
      const written = format.toFile({ seat: value }, ['seat']);
      expect(siteReads(written)).toEqual({ seat: value });
    },
  );

  it('reads dates as the text of the form’s date field', () => {
    expect(format.fromFile('---\nreviewed: 2026-11-26\n---\n\nText\n')).toEqual({
      reviewed: '2026-11-26',
      body: 'Text\n',
    });
  });
});
