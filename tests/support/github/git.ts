/**
 * The git side of the GitHub stand-in: a real bare repository, read and written with git's own
 * plumbing (hash-object, read-tree, update-index, write-tree, commit-tree, update-ref, merge-tree,
 * diff-tree …). The stand-in keeps no copy of the repository: what Decap did is in `git log`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Person = { name: string; email: string; date?: string };
export type TreeEntry = { path: string; mode: string; type: string; sha: string; size?: number };
export type Commit = {
  sha: string;
  tree: string;
  parents: string[];
  author: Required<Person>;
  committer: Required<Person>;
  message: string;
};
export type FileChange = {
  filename: string;
  status: 'added' | 'removed' | 'modified';
  sha: string;
  patch: string;
};

export class Git {
  constructor(readonly dir: string) {}

  run(
    args: string[],
    options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {},
  ) {
    return execFileSync('git', args, {
      env: { ...process.env, ...options.env, GIT_DIR: this.dir },
      input: options.input,
      cwd: options.cwd,
      maxBuffer: 64 * 1024 * 1024,
    });
  }

  text(args: string[], options?: Parameters<Git['run']>[1]) {
    return this.run(args, options).toString('utf8').trim();
  }

  /** git's answer as a yes or no (exit code 0 or 1); anything else is an error. */
  test(args: string[]): boolean {
    const result = spawnSync('git', args, { env: { ...process.env, GIT_DIR: this.dir } });
    if (result.status === 0 || result.status === 1) return result.status === 0;
    throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  }

  /** The object a revision names (`main`, `main:content/partners`, a sha), or undefined. */
  resolve(revision: string, type: 'commit' | 'tree' | 'blob' = 'commit'): string | undefined {
    // After "rev:" everything is a path, so a path's object is looked up first, then its type.
    const path = revision.includes(':');
    const sha = this.attempt([
      'rev-parse',
      '--verify',
      '--quiet',
      path ? revision : `${revision}^{${type}}`,
    ]);
    if (!sha || !path) return sha;
    return this.attempt(['cat-file', '-t', sha]) === type ? sha : undefined;
  }

  private attempt(args: string[]): string | undefined {
    const result = spawnSync('git', args, { env: { ...process.env, GIT_DIR: this.dir } });
    return result.status === 0 ? result.stdout.toString().trim() : undefined;
  }

  branch(name: string) {
    return this.resolve(`refs/heads/${name}`);
  }

  writeBlob(content: Buffer): string {
    return this.text(['hash-object', '-w', '--stdin'], { input: content });
  }

  readBlob(sha: string): Buffer {
    return this.run(['cat-file', 'blob', sha]);
  }

  listTree(tree: string, recursive: boolean): TreeEntry[] {
    const out = this.run(['ls-tree', '-l', '-z', ...(recursive ? ['-r', '-t'] : []), tree]);
    return out
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [info, file] = line.split('\t') as [string, string];
        const [mode, type, sha, size] = info.split(/\s+/) as [string, string, string, string];
        return { path: file, mode, type, sha, ...(type === 'blob' && { size: Number(size) }) };
      });
  }

  /** A new tree: `base` with each entry added, replaced or (sha null) removed, at any depth. */
  writeTree(
    base: string | undefined,
    entries: { path: string; mode: string; sha: string | null }[],
  ) {
    const index = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gh-index-')), 'index');
    const env = { GIT_INDEX_FILE: index };
    try {
      this.run(base ? ['read-tree', base] : ['read-tree', '--empty'], { env });
      for (const entry of entries) {
        if (entry.sha === null)
          this.run(['update-index', '--force-remove', '--', entry.path], { env });
        else
          this.run(
            ['update-index', '--add', '--cacheinfo', `${entry.mode},${entry.sha},${entry.path}`],
            {
              env,
            },
          );
      }
      return this.text(['write-tree'], { env });
    } finally {
      fs.rmSync(path.dirname(index), { recursive: true, force: true });
    }
  }

  writeCommit(tree: string, parents: string[], message: string, author: Person, committer: Person) {
    const env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      ...(author.date && { GIT_AUTHOR_DATE: author.date }),
      ...(committer.date && { GIT_COMMITTER_DATE: committer.date }),
    };
    const args = ['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent])];
    return this.text(args, { input: message, env });
  }

  readCommit(sha: string): Commit {
    const format = ['%H', '%T', '%P', '%an', '%ae', '%aI', '%cn', '%ce', '%cI', '%B'].join('%x00');
    const [hash, tree, parents, an, ae, ad, cn, ce, cd, message] = this.run([
      'log',
      '-1',
      `--format=${format}`,
      sha,
    ])
      .toString('utf8')
      .split('\0') as string[];
    return {
      sha: hash!,
      tree: tree!,
      parents: parents ? parents.split(' ') : [],
      author: { name: an!, email: ae!, date: ad! },
      committer: { name: cn!, email: ce!, date: cd! },
      message: message!.replace(/\n+$/, ''),
    };
  }

  /** Moves `ref` to `sha` only if it still points at `expected` (git's compare-and-swap). */
  updateRef(ref: string, sha: string, expected?: string) {
    this.run(['update-ref', ref, sha, ...(expected ? [expected] : [])]);
  }

  deleteRef(ref: string) {
    this.run(['update-ref', '-d', ref]);
  }

  refs(prefix: string): { ref: string; sha: string }[] {
    return this.text(['for-each-ref', '--format=%(refname) %(objectname)', prefix])
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [ref, sha] = line.split(' ') as [string, string];
        return { ref, sha };
      });
  }

  isAncestor(ancestor: string, descendant: string) {
    return this.test(['merge-base', '--is-ancestor', ancestor, descendant]);
  }

  mergeBase(a: string, b: string) {
    return this.text(['merge-base', a, b]);
  }

  /** Commits in `head` that are not in `base`, oldest first. */
  commitsBetween(base: string, head: string): string[] {
    return this.text(['rev-list', '--reverse', `${base}..${head}`])
      .split('\n')
      .filter(Boolean);
  }

  /** The tree of merging `head` into `base`, or undefined when they conflict. */
  mergeTrees(base: string, head: string): string | undefined {
    const result = spawnSync('git', ['merge-tree', '--write-tree', '--no-messages', base, head], {
      env: { ...process.env, GIT_DIR: this.dir },
    });
    if (result.status === 0) return result.stdout.toString().split('\n')[0]!.trim();
    if (result.status === 1) return undefined;
    throw new Error(`git merge-tree: ${result.stderr}`);
  }

  /** What changed from one commit to another, file by file, with each file's patch. */
  changes(from: string, to: string): FileChange[] {
    const raw = this.run(['diff-tree', '-r', '-z', '--no-renames', from, to]).toString('utf8');
    const fields = raw.split('\0').filter(Boolean);
    const changes: FileChange[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const [, , before, after, letter] = fields[i]!.slice(1).split(' ') as string[];
      const filename = fields[i + 1]!;
      const status = letter === 'A' ? 'added' : letter === 'D' ? 'removed' : 'modified';
      changes.push({
        filename,
        status,
        sha: status === 'removed' ? before! : after!,
        patch: this.patch(from, to, filename),
      });
    }
    return changes;
  }

  /** The hunks of one file's diff, as GitHub's compare shows them (no header lines). */
  private patch(from: string, to: string, file: string) {
    const diff = this.text(['diff', from, to, '--', file]);
    const start = diff.indexOf('\n@@');
    return start < 0 ? '' : diff.slice(start + 1);
  }

  /** Writes the files of `commit` into `dir` (a fresh checkout, as a CI runner makes one). */
  checkout(commit: string, dir: string) {
    const index = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gh-index-')), 'index');
    const env = { GIT_INDEX_FILE: index };
    try {
      this.run(['read-tree', commit], { env });
      this.run(['--work-tree', dir, 'checkout-index', '--all', '--force'], { env, cwd: dir });
    } finally {
      fs.rmSync(path.dirname(index), { recursive: true, force: true });
    }
  }
}

/**
 * A bare repository whose branch `branch` holds one commit: the files of `source` that git
 * would commit there (its .gitignore applies), as they are on disk now.
 */
export function createRepository(dir: string, source: string, branch = 'main'): Git {
  execFileSync('git', ['init', '--quiet', '--bare', dir]);
  const git = new Git(dir);
  const index = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gh-index-')), 'index');
  try {
    git.run(['--work-tree', source, 'add', '--all', '.'], {
      env: { GIT_INDEX_FILE: index },
      cwd: source,
    });
    const tree = git.text(['write-tree'], { env: { GIT_INDEX_FILE: index } });
    const person = { name: 'Site Operator', email: 'operator@example.org' };
    git.updateRef(`refs/heads/${branch}`, git.writeCommit(tree, [], 'Content', person, person));
    git.run(['symbolic-ref', 'HEAD', `refs/heads/${branch}`]);
  } finally {
    fs.rmSync(path.dirname(index), { recursive: true, force: true });
  }
  return git;
}
