import matter from 'gray-matter';
import type { z } from 'zod';
import { describeIssues } from './schema';

/** A content file split into its YAML front matter and its Markdown body. */
export type Parsed = {
  data: unknown;
  body: string;
  /** The lines after the front matter, as written, and the 1-based number of the first. */
  bodyLines: string[];
  bodyStart: number;
  /** The 1-based line of each front-matter key. */
  lines: Map<string, number>;
};

/** What is wrong with a file or a field, and on which line (1 when the whole file is wrong). */
export type Flaw = { field: string; message: string; line: number };

const keyLine = /^([A-Za-z_][\w-]*)\s*:/;

// gray-matter's YAML engine is js-yaml's safeLoad (no custom types); its typings omit `engines`.
const parseYaml = (matter as unknown as { engines: { yaml: { parse(text: string): unknown } } })
  .engines.yaml.parse;

function explainYamlError(error: unknown, frontMatter: string[]): Flaw {
  const field = '(front matter)';
  const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const mark = (error as { mark?: { line?: number } }).mark;
  const line = (mark?.line ?? 0) + 2;
  if (/double quoted scalar/.test(reason)) {
    // js-yaml points at the end of the front matter; the editor needs the line that opened the quote.
    const open = frontMatter.findIndex((text) => (text.match(/(?<!\\)"/g)?.length ?? 0) % 2 === 1);
    return {
      field,
      message: 'a text in "double quotes" is not closed: add the missing " at its end',
      line: open >= 0 ? open + 2 : line,
    };
  }
  if (/duplicated mapping key/.test(reason)) {
    return { field, message: 'a field appears twice: keep only one of them', line };
  }
  if (/mapping|indentation|block/.test(reason)) {
    return {
      field,
      message: `this line is not "field: value" (put text that contains ": " in double quotes) (${reason})`,
      line,
    };
  }
  return { field, message: `is not valid YAML: ${reason}`, line };
}

/**
 * Splits a file into YAML front matter and body. Only plain `---` front matter is accepted and it
 * is parsed as YAML only: gray-matter itself would evaluate `---js`, even with `language: 'yaml'`.
 */
export function parseFile(raw: string): Parsed | Flaw {
  const field = '(front matter)';
  const lines = raw.replace(/^\uFEFF/, '').split(/\r?\n/);
  const opener = lines[0] ?? '';
  if (opener.trimEnd() !== '---') {
    const message = opener.startsWith('---')
      ? `must be YAML: the first line is "${opener.slice(0, 20)}", it must be "---" alone`
      : 'is missing: the file must start with a line "---", then the fields, then "---"';
    return { field, message, line: 1 };
  }
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (close < 0) {
    return { field, message: 'is not closed: add a line "---" after the last field', line: 1 };
  }
  const frontMatter = lines.slice(1, close);
  const keys = new Map<string, number>();
  frontMatter.forEach((text, i) => {
    const key = keyLine.exec(text)?.[1];
    if (key && !keys.has(key)) keys.set(key, i + 2);
  });
  try {
    const data = parseYaml(frontMatter.join('\n'));
    const bodyLines = lines.slice(close + 1);
    return {
      data,
      body: bodyLines.join('\n').trim(),
      bodyLines,
      bodyStart: close + 2,
      lines: keys,
    };
  } catch (error) {
    return explainYamlError(error, frontMatter);
  }
}

/** The front matter as the schema's type, or every field the schema refuses. */
export function validate<T>(schema: z.ZodType<T>, parsed: Parsed): { data: T } | { flaws: Flaw[] } {
  const result = schema.safeParse(parsed.data ?? {});
  if (result.success) return { data: result.data };
  return {
    flaws: describeIssues(result.error).map(({ field, message }) => ({
      field,
      message,
      line: parsed.lines.get(field.split('.')[0] ?? '') ?? 1,
    })),
  };
}
