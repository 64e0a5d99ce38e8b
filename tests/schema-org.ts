import path from 'node:path';
import ts from 'typescript';

const file = path.join(process.cwd(), '__json-ld-check__.ts');
const options: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2022.d.ts'],
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
};

// schema-dts is a 1 MB declaration file: parse it once per test file.
const parsed = new Map<string, ts.SourceFile | undefined>();

/**
 * Checks JSON-LD against the schema.org vocabulary as typed by schema-dts: each object must be a
 * `WithContext<Thing>`, so an unknown @type, an unknown property or a value of the wrong type
 * (a number for a Date, text for a PostalAddress, …) is a compiler error. Returns each item's errors.
 */
export function schemaOrgErrors(items: unknown[]): string[][] {
  const source =
    `import type { Thing, WithContext } from 'schema-dts';\n` +
    items
      .map((item, i) => `export const item${i}: WithContext<Thing> = ${JSON.stringify(item)};`)
      .join('\n');
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) => {
    if (name === file) return ts.createSourceFile(name, source, language);
    if (!parsed.has(name)) parsed.set(name, getSourceFile.call(host, name, language, ...rest));
    return parsed.get(name);
  };
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? source : readFile.call(host, name));
  const program = ts.createProgram([file], options, host);
  const errors = items.map((): string[] => []);
  for (const diagnostic of ts.getPreEmitDiagnostics(program, program.getSourceFile(file))) {
    const line = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line ?? 0;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    // Line 0 is the import: a failure there (schema-dts missing) must not pass as "no errors".
    (errors[line - 1] ?? errors[0] ?? []).push(message);
  }
  return errors;
}
