import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkContent,
  type ContentProblem,
  formatAnnotation,
  formatProblem,
  readContent,
  reportContent,
} from '@/lib/content/check';
import { contentRules } from '@/lib/content/rules';

const fixtures = 'tests/fixtures/content';
const now = new Date('2026-06-01');
const check = (name: string) => checkContent(path.join(fixtures, name), { now }).problems;
const at = (name: string, rel: string) => `${fixtures}/${name}/${rel}`;

type Expected = Omit<ContentProblem, 'message' | 'severity'> & {
  message: RegExp;
  severity?: ContentProblem['severity'];
};
const problem = ({ message, severity = 'error', ...rest }: Expected) => ({
  ...rest,
  severity,
  message: expect.stringMatching(message),
});

// Each rule of lib/content/rules.ts: the fixture folder it finds something in (with the field and
// message), and the valid folder, where it finds nothing.
const ruleCases: Record<
  keyof typeof contentRules,
  [fixture: string, field: string, message: RegExp]
> = {
  partnerFileNames: ['bad-file-names', '(file name)', /^must be <slug>\.<locale>\.md/],
  siteFileLanguages: ['bad-file-names', '(file name)', /^"fr" is not a language of this site/],
  siteFilesPresent: ['per-language', '(file)', /^is missing: every language needs its header/],
  readableFrontMatter: ['broken-yaml', '(front matter)', /./],
  validFields: ['missing-field', 'summary', /^is required$/],
  nonEmptyBodies: ['empty-body', 'body', /^is empty: write the description below/],
  placeholdersMarked: ['site-pages', 'contactEmail', /^is a placeholder/],
  sameInEveryLanguage: ['neutral-differs', 'founded', /must be the same in every language$/],
  partnersInEveryLanguage: ['missing-locale', '(file)', /^has no en version/],
  translatedSummaries: ['summary-untranslated', 'summary', /: translate it$/],
  uniqueOrders: ['duplicate-order', 'order', /is already used by/],
  recentFigures: ['old-figures', 'figuresAsOf', /more than 5 years ago/],
};

// The rules an editor can break in the web editor's form also say so in the form's words.
const editorWords: Partial<Record<keyof typeof contentRules, string>> = {
  partnersInEveryLanguage:
    'X: die Fassung auf Englisch fehlt; ergänzen Sie sie, oder setzen Sie „Entwurf“, solange übersetzt wird.',
  translatedSummaries:
    'Kurzbeschreibung auf Englisch: noch derselbe Text wie auf Deutsch; er muss übersetzt werden.',
  uniqueOrders: 'Reihenfolge: A und B haben beide die 1; jeder Partner braucht eine eigene Zahl.',
};

describe.each(Object.entries(contentRules))('the rule %s', (name, rule) => {
  const [fixture, field, message] = ruleCases[name as keyof typeof contentRules];

  it(`finds ${field} in ${fixture}, and nothing in a valid folder`, () => {
    const found = rule(readContent(path.join(fixtures, fixture), { now }));
    expect(found).toContainEqual(
      expect.objectContaining({ field, message: expect.stringMatching(message) }),
    );
    expect(found.map((problem) => problem.editor)).toContain(
      editorWords[name as keyof typeof contentRules],
    );
    expect(rule(readContent(path.join(fixtures, 'valid'), { now }))).toEqual([]);
  });
});

describe('content:check', () => {
  it('finds nothing wrong with a valid folder', () => {
    expect(check('valid')).toEqual([]);
  });

  it.each<[string, Expected[]]>([
    [
      'missing-field',
      [
        {
          file: at('missing-field', 'partners/x.de.md'),
          line: 1,
          field: 'summary',
          message: /^is required$/,
        },
      ],
    ],
    [
      'unknown-key',
      [
        {
          file: at('unknown-key', 'partners/x.en.md'),
          line: 8,
          field: 'logo',
          message: /is not a known field/,
        },
      ],
    ],
    [
      'bad-url',
      [
        {
          file: at('bad-url', 'partners/x.de.md'),
          line: 5,
          field: 'website',
          message: /https:\/\/ instead of http:\/\//,
        },
        {
          file: at('bad-url', 'partners/x.en.md'),
          line: 5,
          field: 'website',
          message: /must be an https URL, for example/,
        },
      ],
    ],
    [
      'unknown-type',
      [
        {
          file: at('unknown-type', 'partners/x.de.md'),
          line: 6,
          field: 'type',
          message: /one of: association, platform/,
        },
        {
          file: at('unknown-type', 'partners/x.en.md'),
          line: 6,
          field: 'type',
          message: /one of: association, platform/,
        },
      ],
    ],
    [
      'summary-too-long',
      [
        {
          file: at('summary-too-long', 'partners/x.de.md'),
          line: 4,
          field: 'summary',
          message: /at most 200 characters/,
        },
      ],
    ],
    [
      'missing-locale',
      [
        {
          file: at('missing-locale', 'partners/x.de.md'),
          line: 1,
          field: '(file)',
          message: /has no en version: add .*x\.en\.md/,
          editor: editorWords.partnersInEveryLanguage,
        },
      ],
    ],
    [
      'neutral-differs',
      [
        {
          file: at('neutral-differs', 'partners/x.en.md'),
          line: 8,
          field: 'founded',
          message: /is 1991 here but 1990 in .*x\.de\.md/,
        },
      ],
    ],
    [
      'duplicate-order',
      [
        {
          file: at('duplicate-order', 'partners/b.de.md'),
          line: 7,
          field: 'order',
          message: /1 is already used by .*a\.de\.md/,
          editor: editorWords.uniqueOrders,
        },
      ],
    ],
    [
      'bad-file-names',
      [
        {
          file: at('bad-file-names', 'header.fr.md'),
          line: 1,
          field: '(file name)',
          message: /"fr" is not a language of this site \(de, en\)/,
        },
        {
          file: at('bad-file-names', 'partners/Bad_Slug.de.md'),
          line: 1,
          field: '(file name)',
          message: /"Bad_Slug" may only use lowercase letters/,
        },
        {
          file: at('bad-file-names', 'partners/notes.txt'),
          line: 1,
          field: '(file name)',
          message: /must be <slug>\.<locale>\.md/,
        },
        {
          file: at('bad-file-names', 'partners/y.fr.md'),
          line: 1,
          field: '(file name)',
          message: /"fr" is not a language of this site/,
        },
      ],
    ],
    [
      'summary-untranslated',
      [
        {
          file: at('summary-untranslated', 'partners/x.en.md'),
          line: 4,
          field: 'summary',
          message: /is the same as in .*x\.de\.md: translate it/,
          editor: editorWords.translatedSummaries,
        },
      ],
    ],
    [
      'empty-body',
      [{ file: at('empty-body', 'partners/x.de.md'), line: 1, field: 'body', message: /is empty/ }],
    ],
    [
      'per-language',
      [
        {
          file: at('per-language', 'accessibility.de.md'),
          line: 1,
          field: 'body',
          message: /^is empty: write the statement below the front matter$/,
        },
        {
          file: at('per-language', 'header.en.md'),
          line: 1,
          field: '(file)',
          message: /^is missing: every language needs its header file$/,
        },
      ],
    ],
    [
      'site-pages',
      [
        {
          file: at('site-pages', 'accessibility.de.md'),
          line: 6,
          field: 'contactEmail',
          message: /^is a placeholder \("a11y@example\.org"\): enter the real value/,
          severity: 'warning',
          placeholder: true,
        },
        {
          file: at('site-pages', 'imprint.en.md'),
          line: 9,
          field: 'email',
          message:
            /^is info@connective-cities\.net here but kontakt@connective-cities\.net in .*imprint\.de\.md; it must be the same in every language$/,
        },
        {
          file: at('site-pages', 'privacy.de.md'),
          line: 9,
          field: 'body',
          message: /^holds a placeholder \("Hosting: Platzhalter\."\)/,
          severity: 'warning',
          placeholder: true,
        },
      ],
    ],
    [
      'broken-yaml',
      [
        {
          file: at('broken-yaml', 'partners/x.en.md'),
          line: 2,
          field: '(front matter)',
          message: /"double quotes" is not closed/,
        },
      ],
    ],
    [
      'js-front-matter',
      [
        {
          file: at('js-front-matter', 'partners/x.en.md'),
          line: 1,
          field: '(front matter)',
          message: /must be YAML.*"---js"/,
        },
      ],
    ],
    [
      'unclosed-front-matter',
      [
        {
          file: at('unclosed-front-matter', 'partners/x.en.md'),
          line: 1,
          field: '(front matter)',
          message: /is not closed/,
        },
      ],
    ],
    [
      'old-figures',
      [
        {
          file: at('old-figures', 'partners/x.de.md'),
          line: 8,
          field: 'figuresAsOf',
          message: /from 2015, more than 5 years ago/,
          severity: 'warning',
        },
      ],
    ],
  ])('reports %s with file, line, field and message', (name, expected) => {
    expect(check(name)).toEqual(expected.map(problem));
  });

  it('lets a draft exist in one language only', () => {
    expect(check('draft-one-locale')).toEqual([]);
  });

  it('warns about old figures relative to the current year', () => {
    const warn = (year: number) =>
      checkContent(path.join(fixtures, 'old-figures'), { now: new Date(year, 5) }).problems;
    expect(warn(2020)).toEqual([]);
    expect(warn(2021)).toHaveLength(1);
  });

  it('formats a problem as file:line: field: message', () => {
    const [first] = check('old-figures');
    expect(formatProblem(first!)).toBe(
      `${at('old-figures', 'partners/x.de.md')}:8: figuresAsOf: warning: the figures are from 2015, more than 5 years ago: check them in every language and update the year`,
    );
  });

  it(
    'prints every problem and a summary, and fails, from the command line',
    { timeout: 30_000 },
    () => {
      const run = (dir: string) => {
        try {
          return {
            code: 0,
            out: execFileSync('node_modules/.bin/tsx', ['scripts/content-check.ts'], {
              env: { ...process.env, CONTENT_DIR: dir, GITHUB_ACTIONS: '' },
              encoding: 'utf8',
            }),
          };
        } catch (error) {
          const { status, stdout } = error as { status: number; stdout: string };
          return { code: status, out: stdout };
        }
      };
      const failing = run(`${fixtures}/several`);
      expect(failing.code).toBe(1);
      const lines = failing.out.trim().split('\n');
      expect(lines.slice(0, -1)).toEqual([
        `${at('several', 'partners/a.de.md')}:6: type: must be one of: association, platform, network, institute`,
        `${at('several', 'partners/a.en.md')}:6: type: must be one of: association, platform, network, institute`,
        `${at('several', 'partners/b.de.md')}:5: website: must be an https URL: write https:// instead of http://`,
        `${at('several', 'partners/b.en.md')}:5: website: must be an https URL: write https:// instead of http://`,
        expect.stringMatching(
          /^tests\/fixtures\/content\/several\/partners\/c\.de\.md:1: \(file\): has no en version/,
        ),
      ]);
      expect(lines.at(-1)).toMatch(
        /^✗ 15 files in tests\/fixtures\/content\/several\/ checked in \d+ ms: 5 errors, 0 warnings/,
      );

      const passing = run(`${fixtures}/valid`);
      expect(passing.code).toBe(0);
      expect(passing.out).toMatch(
        /^✓ 16 files in tests\/fixtures\/content\/valid\/ checked in \d+ ms: 0 errors, 0 warnings\n$/,
      );
    },
  );

  it('prints GitHub annotations inside GitHub Actions, errors and warnings', () => {
    const lines = (name: string) => {
      const printed: string[] = [];
      reportContent(path.join(fixtures, name), (line) => printed.push(line), {
        GITHUB_ACTIONS: 'true',
      });
      return printed;
    };
    expect(lines('several').slice(0, 2)).toEqual([
      `::error file=${at('several', 'partners/a.de.md')},line=6,title=type::type: must be one of: association, platform, network, institute`,
      `::error file=${at('several', 'partners/a.en.md')},line=6,title=type::type: must be one of: association, platform, network, institute`,
    ]);
    expect(lines('old-figures')[0]).toBe(
      `::warning file=${at('old-figures', 'partners/x.de.md')},line=8,title=figuresAsOf::figuresAsOf: the figures are from 2015, more than 5 years ago: check them in every language and update the year`,
    );
    // The title is the editor's words where the rule has them: the web editor shows it.
    expect(lines('duplicate-order')[0]).toBe(
      `::error file=${at('duplicate-order', 'partners/b.de.md')},line=7,title=Reihenfolge%3A A und B haben beide die 1; jeder Partner braucht eine eigene Zahl.::order: 1 is already used by ${at('duplicate-order', 'partners/a.de.md')}: give each partner its own number`,
    );
    expect(lines('valid')).toEqual([expect.stringMatching(/^✓ 16 files/)]);
  });

  it('escapes what would end an annotation early', () => {
    expect(
      formatAnnotation({
        file: 'content/a,b:c.md',
        line: 3,
        field: 'name',
        message: '100% wrong\nsecond line',
        severity: 'error',
      }),
    ).toBe('::error file=content/a%2Cb%3Ac.md,line=3,title=name::name: 100%25 wrong%0Asecond line');
  });

  it(
    'stops next build with the same messages before it compiles anything',
    { timeout: 60_000 },
    () => {
      // Inside the project, as Next requires; .next-bench-* is ignored by git and ESLint.
      const distDir = `.next-bench-check-${process.pid}`;
      const tsconfig = fs.readFileSync('tsconfig.json', 'utf8');
      const build = spawnSync('node_modules/.bin/next', ['build'], {
        env: {
          ...process.env,
          CONTENT_DIR: `${fixtures}/several`,
          NEXT_DIST_DIR: distDir,
          NEXT_TELEMETRY_DISABLED: '1',
          CC_CONTENT_CHECKED: '',
          GITHUB_ACTIONS: '',
        },
        encoding: 'utf8',
      });
      fs.rmSync(distDir, { recursive: true, force: true });
      fs.writeFileSync('tsconfig.json', tsconfig);
      expect(build.status).toBe(1);
      expect(build.stdout).toContain(
        `${at('several', 'partners/b.de.md')}:5: website: must be an https URL: write https:// instead of http://`,
      );
      expect(build.stdout).toMatch(/✗ 15 files in tests\/fixtures\/content\/several\/ checked in/);
      expect(build.stdout).not.toContain('Compiled');
    },
  );
});
