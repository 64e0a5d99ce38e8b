import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, loadContent, type ContentProblem } from '@/lib/content/load';
import { renderMarkdown } from '@/lib/content/markdown';

const fixtures = 'tests/fixtures/content';
const fixture = (name: string) => path.join(fixtures, name);
const file = (name: string, rel: string) => `${fixtures}/${name}/${rel}`;

function problemsOf(name: string): ContentProblem[] {
  try {
    loadContent(fixture(name), { includeDrafts: true });
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems;
  }
  throw new Error(`${name} loaded without problems`);
}

type Expected = { file: string; field?: string; message: RegExp };

function expectOnly(name: string, expected: Expected) {
  const problems = problemsOf(name);
  expect(problems).toEqual([
    expect.objectContaining({ ...expected, message: expect.stringMatching(expected.message) }),
  ]);
}

describe('loadContent on a valid folder', () => {
  it('loads both locales sorted by order, drafts included on request', () => {
    const content = loadContent(fixture('valid'), { includeDrafts: true });
    for (const locale of ['de', 'en'] as const) {
      expect(content.partners[locale].map((p) => p.slug)).toEqual([
        'beta',
        'alpha',
        'gamma',
        'delta',
      ]);
      expect(content.partners[locale].every((p) => p.locale === locale)).toBe(true);
    }
    const beta = content.partners.de[0]!;
    expect(beta).toMatchObject({
      name: 'beta Verband',
      shortName: 'BETA',
      website: 'https://www.beta.example.org',
      type: 'network',
      founded: 1990,
      seat: 'Bonn',
      figuresAsOf: 2024,
      draft: false,
      html: '<p>Beschreibung von beta.</p>',
    });
    expect(content.partners.de.find((p) => p.slug === 'gamma')?.draft).toBe(true);
    expect(content.headers.de).toEqual({
      quote: 'Gemeinsam kommt man weiter.',
      attribution: 'Sprichwort',
      introHtml: '<p>Einleitung zu den Partnern.</p>',
    });
    expect(content.headers.en.quote).toBe('Together you get further.');
  });

  it('leaves drafts out when includeDrafts is false', () => {
    const content = loadContent(fixture('valid'), { includeDrafts: false });
    expect(content.partners.de.map((p) => p.slug)).toEqual(['beta', 'alpha', 'delta']);
    expect(content.partners.en.map((p) => p.slug)).toEqual(['beta', 'alpha', 'delta']);
  });
});

describe('loadContent errors name the file, the field and what is wrong', () => {
  it('reports a missing field', () => {
    expectOnly('missing-field', {
      file: file('missing-field', 'partners/x.de.md'),
      field: 'summary',
      message: /is required/,
    });
  });

  it('reports an unknown key', () => {
    expectOnly('unknown-key', {
      file: file('unknown-key', 'partners/x.en.md'),
      field: 'logo',
      message: /is not a known field/,
    });
  });

  it('reports http:// and non-URL websites', () => {
    const problems = problemsOf('bad-url');
    expect(problems).toEqual(
      [
        {
          file: file('bad-url', 'partners/x.de.md'),
          field: 'website',
          message: expect.stringMatching(/must be an https URL/),
        },
        {
          file: file('bad-url', 'partners/x.en.md'),
          field: 'website',
          message: expect.stringMatching(/must be an https URL/),
        },
      ].map((p) => expect.objectContaining(p)),
    );
  });

  it('reports an unknown type, listing the allowed ones', () => {
    const problems = problemsOf('unknown-type');
    expect(problems).toHaveLength(2);
    for (const problem of problems) {
      expect(problem.field).toBe('type');
      expect(problem.message).toMatch(/must be one of: association, platform, network, institute/);
    }
    expect(problems.map((p) => p.file)).toEqual([
      file('unknown-type', 'partners/x.de.md'),
      file('unknown-type', 'partners/x.en.md'),
    ]);
  });

  it('reports a summary longer than 200 characters', () => {
    expectOnly('summary-too-long', {
      file: file('summary-too-long', 'partners/x.de.md'),
      field: 'summary',
      message: /at most 200 characters/,
    });
  });

  it('reports a partner missing in one locale', () => {
    expectOnly('missing-locale', {
      file: file('missing-locale', 'partners/x.de.md'),
      message: new RegExp(`no en version.*${file('missing-locale', 'partners/x.en.md')}`),
    });
  });

  it('reports a language-neutral field that differs across locales', () => {
    expectOnly('neutral-differs', {
      file: file('neutral-differs', 'partners/x.en.md'),
      field: 'founded',
      message: /1991 here but 1990 in .*x\.de\.md.*must be the same in every language/,
    });
  });

  it('reports broken YAML', () => {
    expectOnly('broken-yaml', {
      file: file('broken-yaml', 'partners/x.en.md'),
      field: '(front matter)',
      message: /double quotes.*is not closed/,
    });
  });

  it('reports every problem of every file at once', () => {
    const problems = problemsOf('several');
    expect(problems.map((p) => [p.file, p.field])).toEqual(
      expect.arrayContaining([
        [file('several', 'partners/a.de.md'), 'type'],
        [file('several', 'partners/a.en.md'), 'type'],
        [file('several', 'partners/b.de.md'), 'website'],
        [file('several', 'partners/b.en.md'), 'website'],
        [file('several', 'partners/c.de.md'), expect.any(String)],
      ]),
    );
    expect(problems.some((p) => p.file.includes('/ok.'))).toBe(false);
    const error = (() => {
      try {
        loadContent(fixture('several'), { includeDrafts: false });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toMatch(/5 problems/);
    expect(error?.message).toContain(`${file('several', 'partners/b.en.md')}`);
  });
});

describe('front matter that is not YAML', () => {
  const marker = path.join(os.tmpdir(), 'cc-front-matter-ran');
  const jsFile = file('js-front-matter', 'partners/x.en.md');
  afterEach(() => {
    fs.rmSync(marker, { force: true });
    delete (globalThis as Record<string, unknown>).__ccFrontMatterRan;
  });

  it('is live code: plain gray-matter would run it', () => {
    matter(fs.readFileSync(jsFile, 'utf8'));
    expect((globalThis as Record<string, unknown>).__ccFrontMatterRan).toBe(true);
    expect(fs.existsSync(marker)).toBe(true);
  });

  it('is rejected without running, naming the file and asking for YAML', () => {
    expectOnly('js-front-matter', { file: jsFile, message: /must be YAML/ });
    expect((globalThis as Record<string, unknown>).__ccFrontMatterRan).toBeUndefined();
    expect(fs.existsSync(marker)).toBe(false);
  });
});

describe('unsafe Markdown bodies', () => {
  const html = loadContent(fixture('unsafe-body'), { includeDrafts: false }).partners.de[0]!.html;

  it('drops scripts and event handlers', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/alert\(1\)|alert\(2\)/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/<img/i);
  });

  it('drops javascript: and data: links, keeps mailto:, tel: and https:', () => {
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/data:/i);
    expect(html).toContain('href="mailto:info@x.example.org"');
    expect(html).toContain('href="tel:+49301234567"');
    expect(html).toContain('href="https://x.example.org"');
    expect(html).toContain('Skript');
  });
});

describe('headings in a body', () => {
  it('turns # into a second-level heading: the page title is the only h1', () => {
    expect(renderMarkdown('# Title\n\n## Section\n\ntext')).toBe(
      '<h2>Title</h2>\n<h2>Section</h2>\n<p>text</p>',
    );
  });
});
