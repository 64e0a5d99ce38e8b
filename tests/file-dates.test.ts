import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileDates } from '@/lib/content/load';

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-dates-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function git(cwd: string, args: string[], date?: string) {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
    cwd,
    env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
    stdio: 'ignore',
  });
}

describe('readFileDates', () => {
  it('dates committed files by their last commit and others by their mtime', () => {
    const repo = tempDir();
    const content = path.join(repo, 'content');
    fs.mkdirSync(path.join(content, 'partners'), { recursive: true });
    fs.writeFileSync(path.join(content, 'partners/a.de.md'), 'one');
    fs.writeFileSync(path.join(content, 'header.de.md'), 'one');
    git(repo, ['init', '-q']);
    git(repo, ['add', '.']);
    git(repo, ['commit', '-qm', 'first'], '2021-03-04T05:06:07Z');
    fs.writeFileSync(path.join(content, 'partners/a.de.md'), 'two');
    git(repo, ['commit', '-qam', 'second'], '2022-01-02T03:04:05Z');
    const untracked = path.join(content, 'partners/b.de.md');
    fs.writeFileSync(untracked, 'new');
    fs.utimesSync(untracked, new Date('2023-05-06T00:00:00Z'), new Date('2023-05-06T00:00:00Z'));

    const dates = readFileDates(content);
    expect(dates.get('header.de.md')?.toISOString()).toBe('2021-03-04T05:06:07.000Z');
    expect(dates.get('partners/a.de.md')?.toISOString()).toBe('2022-01-02T03:04:05.000Z');
    expect(dates.get('partners/b.de.md')?.toISOString()).toBe('2023-05-06T00:00:00.000Z');
  });

  it('falls back to mtimes outside a git checkout', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'header.en.md'), 'x');
    fs.utimesSync(path.join(dir, 'header.en.md'), new Date('2020-02-02Z'), new Date('2020-02-02Z'));
    expect(readFileDates(dir).get('header.en.md')?.toISOString()).toBe('2020-02-02T00:00:00.000Z');
  });
});
