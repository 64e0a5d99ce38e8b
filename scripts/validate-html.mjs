// Validates HTML with the W3C Nu HTML Checker (vnu-jar, needs Java 11+): the given files, or
// every page prerendered by `npm run build`. Exits 1 if the checker reports an error.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vnuJar from 'vnu-jar';

function prerendered(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join(dir, file))
    .sort();
}

const files = process.argv.length > 2 ? process.argv.slice(2) : prerendered('.next/server/app');
if (files.length === 0) {
  console.error('No HTML files found: run `npm run build` first.');
  process.exit(1);
}
execFileSync('java', ['-version'], { stdio: 'ignore' });
const result = spawnSync('java', ['-jar', String(vnuJar), '--format', 'json', ...files], {
  encoding: 'utf8',
});
const messages = JSON.parse(result.stderr || '{"messages":[]}').messages;
const errors = messages.filter((m) => m.type !== 'info');
const warnings = messages.filter((m) => m.subType === 'warning');
// Plain infos are left out: React writes void elements as <meta/>, which vnu notes on each one.
for (const m of [...errors, ...warnings]) {
  const where = `${path.relative('.', new URL(m.url).pathname)}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'}`;
  console.log(`${where}: ${m.subType ?? m.type}: ${m.message}`);
}
console.log(
  `Nu HTML Checker: ${files.length} pages, ${errors.length} errors, ${warnings.length} warnings.`,
);
process.exit(errors.length > 0 || result.status !== 0 ? 1 : 0);
