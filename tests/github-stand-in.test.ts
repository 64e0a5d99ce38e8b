import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepository, type Git } from './support/github/git';
import { GitHubStandIn } from './support/github/stand-in';
import { contentCheckName } from './support/github/workflow';

// The GitHub stand-in that the editor's browser tests run against (tests/e2e/editor-github.spec.ts):
// what its API does must show in the bare repository, as git itself reads it.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-standin-test-'));
let git: Git;
let github: GitHubStandIn;
let token: string;

beforeAll(async () => {
  git = createRepository(path.join(scratch, 'repo.git'), process.cwd());
  github = await new GitHubStandIn({
    git,
    repo: 'cc/partners',
    projectDir: process.cwd(),
    requiredCheck: contentCheckName(),
    clientId: 'cc-client',
    clientSecret: 'cc-secret',
    oauthPort: Number(process.env.GITHUB_STANDIN_TEST_PORT ?? 9153),
    apiPort: Number(process.env.GITHUB_STANDIN_TEST_PORT ?? 9153) + 1,
  }).start();
  token = github.issueToken();
});

afterAll(async () => {
  await github.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

async function api(method: string, route: string, body?: object) {
  const response = await fetch(`${github.apiUrl}${route.replace('{repo}', '/repos/cc/partners')}`, {
    method,
    headers: { Authorization: `token ${token}`, 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

/** What Decap does to save a change: blob, tree on top of main, commit, branch, pull request. */
async function proposeChange(branch: string, files: Record<string, string>) {
  const main = git.branch('main')!;
  const tree = [];
  for (const [file, content] of Object.entries(files)) {
    const blob = await api('POST', '{repo}/git/blobs', {
      content: Buffer.from(content).toString('base64'),
      encoding: 'base64',
    });
    tree.push({ path: file, mode: '100644', type: 'blob', sha: blob.json.sha });
  }
  const title = `Update ${Object.keys(files).join(', ')}`;
  const newTree = await api('POST', '{repo}/git/trees', { base_tree: main, tree });
  const commit = await api('POST', '{repo}/git/commits', {
    message: title,
    tree: newTree.json.sha,
    parents: [main],
  });
  expect(commit.status).toBe(201);
  expect(
    (await api('POST', '{repo}/git/refs', { ref: `refs/heads/${branch}`, sha: commit.json.sha }))
      .status,
  ).toBe(201);
  const pull = await api('POST', '{repo}/pulls', { title, head: `cc:${branch}`, base: 'main' });
  expect(pull.status).toBe(201);
  return { sha: commit.json.sha as string, number: pull.json.number as number };
}

const read = (locale: string) => fs.readFileSync(`content/partners/vku.${locale}.md`, 'utf8');

// Each change runs the real content check (a second or two each, more on a busy machine).
describe('the GitHub stand-in', { timeout: 30_000 }, () => {
  it('trades a code from its authorize page for a token, once', async () => {
    const authorize = await fetch(
      `${github.oauthUrl}/login/oauth/authorize?client_id=cc-client&redirect_uri=${encodeURIComponent('https://partners.example.org/admin/auth/callback')}&scope=repo&state=s1`,
      { redirect: 'manual' },
    );
    const back = new URL(authorize.headers.get('location')!);
    expect(back.origin + back.pathname).toBe('https://partners.example.org/admin/auth/callback');
    expect(back.searchParams.get('state')).toBe('s1');
    const exchange = () =>
      fetch(`${github.oauthUrl}/login/oauth/access_token`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({
          client_id: 'cc-client',
          client_secret: 'cc-secret',
          code: back.searchParams.get('code'),
        }),
      }).then((r) => r.json());
    const first = await exchange();
    expect(first.access_token).toMatch(/^gho_/);
    const user = await fetch(`${github.apiUrl}/user`, {
      headers: { Authorization: `token ${first.access_token}` },
    });
    expect((await user.json()).login).toBe('editor');
    expect(await exchange()).toMatchObject({ error: 'bad_verification_code' });
  });

  it('sends a refused login back with access_denied, and answers no request without a token', async () => {
    github.login.deny = true;
    const authorize = await fetch(
      `${github.oauthUrl}/login/oauth/authorize?client_id=cc-client&redirect_uri=https%3A%2F%2Fsite%2Fcb&state=s2`,
      { redirect: 'manual' },
    );
    github.login.deny = false;
    const back = new URL(authorize.headers.get('location')!);
    expect(Object.fromEntries(back.searchParams)).toMatchObject({
      error: 'access_denied',
      state: 's2',
    });
    expect((await fetch(`${github.apiUrl}/repos/cc/partners`)).status).toBe(401);
  });

  it('commits through the API into the bare repository, and squash-merges one commit onto main', async () => {
    const before = git.branch('main')!;
    const changed = read('en').replace(/^summary: .*$/m, 'summary: "VKU in one new sentence."');
    const { sha, number } = await proposeChange('cms/partners/vku', {
      'content/partners/vku.en.md': changed,
    });
    expect(git.text(['log', '--format=%s', '-1', 'cms/partners/vku'])).toBe(
      'Update content/partners/vku.en.md',
    );
    expect(git.text(['diff', '--name-only', before, sha])).toBe('content/partners/vku.en.md');

    const compare = await api('GET', `{repo}/compare/main...cc:cms/partners/vku`);
    expect(compare.json.files).toMatchObject([
      { filename: 'content/partners/vku.en.md', status: 'modified' },
    ]);
    expect(compare.json.files[0].patch).toContain('+summary: "VKU in one new sentence."');

    await github.checksDone();
    const runs = await api('GET', `{repo}/commits/${sha}/check-runs`);
    expect(runs.json.check_runs).toMatchObject([
      { name: 'content', status: 'completed', conclusion: 'success' },
    ]);

    const merged = await api('PUT', `{repo}/pulls/${number}/merge`, {
      sha,
      merge_method: 'squash',
      commit_message: 'Merged on Decap CMS.',
    });
    expect(merged.status).toBe(200);
    const main = git.branch('main')!;
    expect(git.commitsBetween(before, main)).toEqual([main]);
    expect(git.readCommit(main)).toMatchObject({
      parents: [before],
      message: `Update content/partners/vku.en.md (#${number})\n\nMerged on Decap CMS.`,
    });
    expect(git.resolve('main^{tree}', 'tree')).toBe(git.resolve(`${sha}^{tree}`, 'tree'));
    expect((await api('GET', `{repo}/pulls/${number}`)).json).toMatchObject({
      state: 'closed',
      merged: true,
    });
    expect((await api('DELETE', '{repo}/git/refs/heads/cms%2Fpartners%2Fvku')).status).toBe(204);
  });

  it('marks a change that fails the content check red and refuses to merge it, as protection does', async () => {
    const before = git.branch('main')!;
    // The order difu has, in both of vku's files, as the editor writes them.
    const taken = (locale: string) => read(locale).replace(/^order: \d+$/m, 'order: 4');
    const { sha, number } = await proposeChange('cms/partners/vku', {
      'content/partners/vku.de.md': taken('de'),
      'content/partners/vku.en.md': taken('en'),
    });
    expect((await api('GET', `{repo}/pulls/${number}`)).json.mergeable_state).toBe('blocked');
    await github.checksDone();
    const runs = (await api('GET', `{repo}/commits/${sha}/check-runs`)).json.check_runs;
    expect(runs).toMatchObject([{ name: 'content', conclusion: 'failure' }]);
    const annotations = (await api('GET', `{repo}/check-runs/${runs[0].id}/annotations`)).json;
    expect(annotations).toContainEqual(
      expect.objectContaining({
        path: expect.stringMatching(/^content\/partners\/(difu|vku)\.de\.md$/),
        start_line: 7,
        annotation_level: 'failure',
        title:
          'Reihenfolge: Difu und VKU haben beide die 4; jeder Partner braucht eine eigene Zahl.',
        message: expect.stringMatching(
          /^order: 4 is already used by content\/partners\/(difu|vku)\.de\.md/,
        ),
      }),
    );

    const merge = await api('PUT', `{repo}/pulls/${number}/merge`, { sha, merge_method: 'squash' });
    expect(merge).toMatchObject({
      status: 405,
      json: { message: 'Required status check "content" is failing.' },
    });
    const push = await api('PATCH', '{repo}/git/refs/heads/main', { sha, force: false });
    expect(push.status).toBe(422);
    expect(git.branch('main')).toBe(before);
  });

  it('merges onto a main that moved on, and refuses a change that conflicts with it', async () => {
    const summary = (text: string) => read('en').replace(/^summary: .*$/m, `summary: "${text}"`);
    const first = await proposeChange('cms/partners/first', {
      'content/partners/vku.en.md': summary('One version.'),
    });
    const conflicting = await proposeChange('cms/partners/second', {
      'content/partners/vku.en.md': summary('Another version.'),
    });
    const elsewhere = await proposeChange('cms/partners/third', {
      'content/partners/uclg.en.md': fs
        .readFileSync('content/partners/uclg.en.md', 'utf8')
        .replace(/^seat: .*$/m, 'seat: Barcelona (Spain)'),
    });
    await github.checksDone();
    const merge = (change: { sha: string; number: number }) =>
      api('PUT', `{repo}/pulls/${change.number}/merge`, {
        sha: change.sha,
        merge_method: 'squash',
      });
    expect((await merge(first)).status).toBe(200);
    expect(await merge(conflicting)).toMatchObject({
      status: 405,
      json: { message: 'Pull Request is not mergeable' },
    });
    expect((await merge(elsewhere)).status).toBe(200);
    expect(git.text(['show', 'main:content/partners/vku.en.md'])).toContain(
      'summary: "One version."',
    );
    expect(git.text(['show', 'main:content/partners/uclg.en.md'])).toContain(
      'seat: Barcelona (Spain)',
    );
    for (const branch of ['first', 'second', 'third']) {
      await api('DELETE', `{repo}/git/refs/heads/cms%2Fpartners%2F${branch}`);
    }
  });

  it('reads a file through the contents API, and has no commit statuses (Actions reports check runs)', async () => {
    const file = await api('GET', '{repo}/contents/content/partners/vku.de.md?ref=main');
    expect(Buffer.from(file.json.content, 'base64').toString()).toBe(
      git.text(['show', 'main:content/partners/vku.de.md']) + '\n',
    );
    const status = await api('GET', `{repo}/commits/${git.branch('main')}/status`);
    expect(status.json).toMatchObject({ total_count: 0, statuses: [] });
    expect((await api('GET', '{repo}/contents/no/such/file?ref=main')).status).toBe(404);
  });

  it('deletes a branch and closes its pull request, as GitHub does', async () => {
    const { number } = await proposeChange('cms/partners/difu', {
      'content/partners/difu.en.md': `${fs.readFileSync('content/partners/difu.en.md', 'utf8')}\nMore.\n`,
    });
    expect((await api('DELETE', '{repo}/git/refs/heads/cms%2Fpartners%2Fdifu')).status).toBe(204);
    expect(git.branch('cms/partners/difu')).toBeUndefined();
    expect((await api('GET', `{repo}/pulls/${number}`)).json.state).toBe('closed');
    expect(github.unknown).toEqual([]);
  });
});
