/**
 * The house's floors (README, "Layout"): routes and components over lib/, and inside lib/ one
 * folder per part, each importing only parts on the floors below it. A new import that points
 * back up, or a file in lib/ outside every part, fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** lib/'s parts, by floor: a part imports only parts on a lower floor (and itself). */
const floors: Record<string, number> = {
  i18n: 1,
  http: 1,
  content: 2,
  site: 3,
  directory: 4,
  cms: 4,
  launch: 5,
};

/** The file of each part that says in its first line what the part owns. */
const mainFiles: Record<string, string> = {
  i18n: 'routing.ts',
  http: 'security-headers.ts',
  content: 'load.ts',
  site: 'metadata.ts',
  directory: 'pages.ts',
  cms: 'config.ts',
  launch: 'check.ts',
};

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The project-relative paths a file imports, in any form (relative and `@/` specifiers only). */
function imports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return importedFiles.flatMap(({ fileName: spec }) => {
    if (spec.startsWith('@/')) return [spec.slice(2)];
    if (spec.startsWith('.')) return [path.join(path.dirname(file), spec)];
    return [];
  });
}

/** Functions in `file` longer than `limit` lines whose comment above gives no reason ("Long: …"). */
function longFunctions(file: string, limit = 60): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const line = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const lines = line(node.getEnd()) - line(node.getStart()) + 1;
      const holder = ts.isVariableDeclaration(node.parent) ? node.parent.parent.parent : node;
      const comments = ts.getLeadingCommentRanges(text, holder.getFullStart()) ?? [];
      const reasoned = comments.some((c) => /\bLong: \S/.test(text.slice(c.pos, c.end)));
      if (lines > limit && !reasoned)
        found.push(`${file}:${line(node.getStart())} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const partOf = (file: string) => /^lib\/([^/]+)\//.exec(file)?.[1];

describe('the layout', () => {
  const lib = sourceFiles('lib');

  it('puts every file of lib/ in a known part', () => {
    expect(lib.filter((file) => !(partOf(file)! in floors))).toEqual([]);
  });

  it('lets each part of lib/ import only itself and the parts below it', () => {
    const upward = lib.flatMap((file) =>
      imports(file)
        .filter((target) => target.startsWith('lib/'))
        .filter((target) => {
          const [from, to] = [partOf(file)!, partOf(target)!];
          return from !== to && !(floors[to]! < floors[from]!);
        })
        .map((target) => `${file} -> ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('keeps lib/ below components/ and components/ below app/', () => {
    const upward = [...lib, ...sourceFiles('components')].flatMap((file) =>
      imports(file)
        .filter((target) =>
          file.startsWith('lib/') ? /^(app|components)\//.test(target) : target.startsWith('app/'),
        )
        .map((target) => `${file} -> ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it.each(Object.entries(mainFiles))('says in lib/%s/%s what the part owns', (part, file) => {
    const first = fs.readFileSync(path.join('lib', part, file), 'utf8').split('\n')[0];
    expect(first).toMatch(new RegExp(`^// lib/${part}/: \\S.{10,}$`));
  });

  it('keeps every function in lib/ under 60 lines, or says in a comment why not', () => {
    expect(lib.flatMap((file) => longFunctions(file))).toEqual([]);
    expect(longFunctions('lib/cms/config.ts', 20)).not.toEqual([]);
  });
});
