// Validates all content without building the site: `npm run content:check` (CONTENT_DIR to point elsewhere).
import path from 'node:path';
import { checkContent, contentDir, formatProblem } from '../lib/content-check';

const started = performance.now();
const dir = contentDir();
const { problems, fileCount } = checkContent(dir);
for (const problem of problems) console.log(formatProblem(problem));

const count = (severity: string, word: string) => {
  const n = problems.filter((problem) => problem.severity === severity).length;
  return `${n} ${word}${n === 1 ? '' : 's'}`;
};
const errors = problems.some((problem) => problem.severity === 'error');
const relative = path.relative(process.cwd(), dir);
const where = relative.startsWith('..') ? dir : relative || '.';
const ms = Math.round(performance.now() - started);
console.log(
  `${errors ? '✗' : '✓'} ${fileCount} files in ${where}/ checked in ${ms} ms: ${count('error', 'error')}, ${count('warning', 'warning')}` +
    (errors ? ' — fix the errors above, then run npm run content:check again' : ''),
);
process.exitCode = errors ? 1 : 0;
