/**
 * The web editor as editors use it in production: Decap CMS's GitHub backend with the editorial
 * workflow, on the built site (`npm run build`, then next start with the production headers and
 * configuration), against a stand-in for GitHub (tests/support/github/). The browser opens the
 * site under the origin it was built for (SITE_URL) and reaches GitHub's origins as Decap names
 * them; Playwright hands those requests to next start and to the stand-in, and refuses every
 * other. What Decap did is read back from the stand-in's bare repository with git.
 *
 * EDITOR_SCREENSHOTS=docs/editor (npm run docs:editor) writes the guide's screenshots
 * (content/README.md) from this run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { loadContent } from '@/lib/content/load';
import { createRepository } from '../support/github/git';
import { GitHubStandIn } from '../support/github/stand-in';
import { contentCheckName } from '../support/github/workflow';
import { waitForUrl } from '../../scripts/lib/wait-for-url.mjs';
import {
  answeringDialogs,
  choose,
  dismissMessages,
  type Editor,
  field,
  logIn,
  message,
  newEntry,
  openEditor,
  openEntry,
  openList,
  publish,
  save,
  saveRefused,
  screenshot,
  setStatus,
} from '../support/decap';

const port = Number(process.env.EDITOR_GITHUB_E2E_PORT ?? 9150);
const standInPort = Number(process.env.GITHUB_STANDIN_PORT ?? 9151);
const local = `http://127.0.0.1:${port}`;

type Config = { site_url: string; backend: { repo: string; api_root: string; branch: string } };
let scratch: string;
let server: ChildProcess;
let github: GitHubStandIn;
let config: Config;
let site: string;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-editor-github-'));
  server = spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
    env: {
      ...process.env,
      CMS_GITHUB_CLIENT_ID: 'cc-client',
      CMS_GITHUB_CLIENT_SECRET: 'cc-secret',
      CMS_GITHUB_OAUTH_URL: `http://127.0.0.1:${standInPort}`,
    },
    stdio: 'ignore',
    detached: true,
  });
  await waitForUrl(`${local}/admin/config.yml`, { child: server, timeoutMs: 60_000 });
  config = (await (await fetch(`${local}/admin/config.yml`)).json()) as Config;
  site = config.site_url.replace(/\/$/, '');
  // On localhost Decap first tries its local proxy (npm run edit), which the production CSP
  // blocks: the run would be about that, not about GitHub.
  test.skip(
    ['localhost', '127.0.0.1'].includes(new URL(site).hostname),
    `the build is for ${site}: build with a public SITE_URL (CI: https://partners.example.org)`,
  );
  github = await new GitHubStandIn({
    git: createRepository(
      path.join(scratch, 'repository.git'),
      process.cwd(),
      config.backend.branch,
    ),
    repo: config.backend.repo,
    defaultBranch: config.backend.branch,
    projectDir: process.cwd(),
    requiredCheck: contentCheckName(),
    clientId: 'cc-client',
    clientSecret: 'cc-secret',
    oauthPort: standInPort,
    apiPort: standInPort + 1,
  }).start();
});

test.afterAll(async () => {
  // What the editor asked GitHub for, to read when a test fails.
  fs.mkdirSync('tests/artifacts', { recursive: true });
  fs.writeFileSync(
    'tests/artifacts/editor-github-requests.json',
    JSON.stringify({ requests: github?.requests, unknown: github?.unknown }, null, 1),
  );
  await github?.close();
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

/** The editor in a new browser window: the site's origin and GitHub's (and `more`), answered here. */
async function openWindow(browser: Browser, more: Record<string, string> = {}) {
  return openEditor(await browser.newContext(), site, {
    [site]: local,
    [new URL(config.backend.api_root).origin]: github.apiUrl,
    'https://www.githubstatus.com': github.oauthUrl,
    'https://avatars.githubusercontent.com': github.oauthUrl,
    ...more,
  });
}

const git = (...args: string[]) => github.git.text(args);

const pullOf = (branch: string) =>
  github.pulls.find((p) => p.head === branch && p.state === 'open');

/** GitHub's API as the editor's token reaches it, outside the editor. */
async function api(page: Page, method: string, route: string, body?: object) {
  const user = JSON.parse((await page.evaluate(() => localStorage.getItem('decap-cms-user')))!);
  const response = await fetch(`${github.apiUrl}/repos/${config.backend.repo}${route}`, {
    method,
    headers: { Authorization: `token ${user.token}`, 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** A new partner's German half, as an editor fills it in. */
async function fillGerman(
  window: Editor,
  shortName: string,
  order: string,
  website = 'https://www.example.org',
) {
  const { page } = window;
  await newEntry(window);
  await field(page, 'name').fill(`${shortName} – Labor für Stadtentwicklung`);
  await field(page, 'shortName').fill(shortName);
  await field(page, 'summary').fill(`${shortName} erprobt neue Wege der Stadtentwicklung.`);
  await field(page, 'website').fill(website);
  await choose(page, 'type', 'Netzwerk');
  await field(page, 'order').fill(order);
  await page.locator('[contenteditable="true"]').first().click();
  await page.keyboard.type('Ein Labor, in dem Städte voneinander lernen.');
}

/** The partners the site publishes from `branch`'s content: a production build leaves drafts out. */
function publishedSlugs(branch: string) {
  const dir = path.join(scratch, `checkout-${Date.now()}`);
  fs.mkdirSync(dir);
  github.git.checkout(branch, dir);
  const content = loadContent(path.join(dir, 'content'), { includeDrafts: false });
  return Object.fromEntries(
    Object.entries(content.partners).map(([locale, partners]) => [
      locale,
      partners.map((partner) => partner.slug),
    ]),
  );
}

let editor: Editor;

test('logs in through GitHub’s pop-up and lists the partners in their order', async ({
  browser,
}) => {
  editor = await openWindow(browser);
  const { page } = editor;
  await page.goto(`${site}/admin/`);
  await expect(page.getByRole('button', { name: 'Mit GitHub einloggen' })).toBeVisible();
  await screenshot(page, '1-login');
  await logIn(editor);
  const entries = page.locator('a[href*="/collections/partners/entries/"]');
  await expect(entries).toHaveCount(4);
  await expect(entries.first()).toContainText('1. VKU');
  const orders = (await entries.allInnerTexts()).map((text) => Number(/^(\d+)\./.exec(text)?.[1]));
  expect(orders).toEqual([1, 2, 3, 4]);
  await screenshot(page, '2-partners');
  expect(editor.problems).toEqual([]);
});

test('hands the login to the site’s own origin only: the same server under another origin gets nothing', async ({
  browser,
}) => {
  const elsewhere = 'https://editor.example.net';
  const { page, problems } = await openWindow(browser, { [elsewhere]: local });
  await page.goto(`${elsewhere}/admin/`);
  const opened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Mit GitHub einloggen' }).click();
  const popup = await opened;
  // GitHub's answer reaches the pop-up on the site's origin, which speaks to that origin only:
  // the editor elsewhere never hears of it, and the pop-up stays open.
  await expect(popup.getByText('Sie sind angemeldet.')).toBeVisible();
  expect(new URL(popup.url()).origin).toBe(site);
  await page.waitForTimeout(2000);
  expect(popup.isClosed()).toBe(false);
  expect(await page.evaluate(() => localStorage.getItem('decap-cms-user'))).toBeNull();
  await expect(page.getByRole('button', { name: 'Mit GitHub einloggen' })).toBeVisible();
  expect(problems).toEqual([]);
  await page.context().close();
});

test('saves a change as a pull request of exactly that line, and publishes it squashed onto main', async () => {
  const { page } = editor;
  const before = github.git.branch('main')!;
  await openEntry(editor, 'vku');
  await screenshot(page, '3-partner-form');
  const summary = field(page, 'summary', 1);
  await expect(summary).toHaveValue(/^The German Association of Local Public Utilities/);
  await summary.fill(
    'The VKU represents local public utilities in energy, water, waste and telecommunications.',
  );
  await save(page);

  const branch = 'cms/partners/vku';
  expect(git('diff', '--name-only', `main...${branch}`)).toBe('content/partners/vku.en.md');
  const changed = git('diff', '-U0', `main...${branch}`)
    .split('\n')
    .filter((line) => /^[-+](?![-+])/.test(line));
  expect(changed).toEqual([
    expect.stringMatching(/^-summary: "The German Association of Local Public Utilities/),
    '+summary: "The VKU represents local public utilities in energy, water, waste and telecommunications."',
  ]);
  expect(pullOf(branch)).toMatchObject({ base: 'main', labels: ['decap-cms/draft'] });

  // Publishing a change that is not "Abgeschlossen" yet: Decap says so, and nothing happens.
  expect(await publish(page)).toEqual([
    'Bitte setzten die den Status vor dem Veröffentlichen auf "Abgeschlossen".',
  ]);
  await dismissMessages(page);
  await setStatus(page, 'Abgeschlossen', '4-status');
  expect(pullOf(branch)!.labels).toEqual(['decap-cms/pending_publish']);
  // The change on Decap's board ("Arbeitsablauf"), where the editor finds it again.
  await page.evaluate(() => (location.hash = '#/workflow'));
  const card = page.getByRole('link', { name: /VKU/ });
  await expect(card).toBeVisible();
  await dismissMessages(page);
  await screenshot(page, '5-workflow');
  await card.click();
  await github.checksDone();
  const merged = pullOf(branch)!;
  await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
  await screenshot(page, '6-publish');
  await page.keyboard.press('Escape');
  expect(await publish(page)).toEqual(['Soll dieser Beitrag wirklich veröffentlicht werden?']);
  await expect(page.getByText('Beitrag veröffentlicht')).toBeVisible({ timeout: 30_000 });

  const main = github.git.branch('main')!;
  expect(github.git.commitsBetween(before, main)).toEqual([main]);
  expect(git('diff', '--name-only', before, main)).toBe('content/partners/vku.en.md');
  expect(github.git.readCommit(main).message).toMatch(
    /\(#\d+\)\n\nAutomatically generated\. Merged on Decap CMS\.$/,
  );
  expect(merged).toMatchObject({ state: 'closed' });
  expect(merged.mergedAt).not.toBeNull();
  expect(github.git.branch(branch)).toBeUndefined();
  expect(editor.problems).toEqual([]);
});

test('refuses to publish a change the content check rejects, in German, and main stays as it was', async () => {
  const { page } = editor;
  const before = github.git.branch('main')!;
  await openEntry(editor, 'vku');
  await field(page, 'order').fill('4'); // difu's
  await save(page);
  const branch = 'cms/partners/vku';
  const pull = pullOf(branch)!;
  await setStatus(page, 'Abgeschlossen');
  await github.checksDone();
  expect(github.checkRunsOf(pull.headSha)).toMatchObject([
    { name: contentCheckName(), conclusion: 'failure' },
  ]);
  expect((await api(page, 'GET', `/pulls/${pull.number}`)).json.mergeable_state).toBe('blocked');

  const requests = github.requests.length;
  await publish(page);
  expect(await message(page, 'Veröffentlichen fehlgeschlagen:')).toBe(
    'Veröffentlichen fehlgeschlagen: Die Inhaltsprüfung hat in dieser Änderung Fehler gefunden. ' +
      'Reihenfolge: Difu und VKU haben beide die 4; jeder Partner braucht eine eigene Zahl. ' +
      'Bitte korrigieren Sie das im Formular und speichern Sie. ' +
      'Sobald die Prüfung der neuen Fassung grün ist (etwa eine Minute), können Sie veröffentlichen.',
  );
  await screenshot(page, '7-publish-refused', { messages: true });
  expect(github.requests.slice(requests).map((r) => r.method)).not.toContain('PUT');

  // What Decap would send without the editor's check is refused by the branch protection, and
  // so is the direct commit it falls back to.
  const merge = await api(page, 'PUT', `/pulls/${pull.number}/merge`, {
    sha: pull.headSha,
    merge_method: 'squash',
  });
  expect(merge).toMatchObject({
    status: 405,
    json: { message: `Required status check "${contentCheckName()}" is failing.` },
  });
  const push = await api(page, 'PATCH', `/git/refs/heads/${config.backend.branch}`, {
    sha: pull.headSha,
  });
  expect(push.status).toBe(422);
  expect(github.git.branch('main')).toBe(before);

  // The editor throws the change away: the pull request closes, the branch goes.
  await answeringDialogs(page, () =>
    page.getByRole('button', { name: 'Unveröffentlichte Änderungen verwerfen' }).click(),
  );
  await expect(page.getByText('Unveröffentlichte Änderungen verworfen')).toBeVisible();
  expect(github.git.branch(branch)).toBeUndefined();
  expect(pull.state).toBe('closed');
  expect(editor.problems).toEqual([]);
});

test('saves a new draft without its English half as a pull request that passes the check; a published partner needs both', async () => {
  const { page } = editor;
  await fillGerman(editor, 'Stadtlabor', '5');
  await field(page, 'draft').click();
  await screenshot(page, '9-new-draft');
  await save(page);
  const branch = 'cms/partners/stadtlabor';
  expect(git('diff', '--name-only', `main...${branch}`)).toBe('content/partners/stadtlabor.de.md');
  expect(git('show', `${branch}:content/partners/stadtlabor.de.md`)).toContain('\ndraft: true\n');
  await github.checksDone();
  expect(github.checkRunsOf(pullOf(branch)!.headSha)).toMatchObject([{ conclusion: 'success' }]);
  await setStatus(page, 'Abgeschlossen');
  await publish(page);
  await expect(page.getByText('Beitrag veröffentlicht')).toBeVisible({ timeout: 30_000 });
  expect(git('ls-tree', '--name-only', 'main', 'content/partners/')).toContain(
    'content/partners/stadtlabor.de.md',
  );
  expect(publishedSlugs('main')).toEqual({
    de: ['vku', 'use', 'uclg', 'difu'],
    en: ['vku', 'use', 'uclg', 'difu'],
  });

  const branches = git('for-each-ref', '--format=%(refname)', 'refs/heads/');
  // A website without https: the form marks the field and saves nothing.
  await fillGerman(editor, 'Quartier', '6', 'http://www.example.org');
  await saveRefused(editor, () =>
    expect(page.getByText('Die Adresse muss mit https:// beginnen').first()).toBeVisible(),
  );
  await field(page, 'website').scrollIntoViewIfNeeded();
  await screenshot(page, '10-form-error');
  // Decap's text fields keep their cursor, so a second fill (select all, type) may append.
  await field(page, 'website').clear();
  await field(page, 'website').fill('https://www.example.org');
  await expect(field(page, 'website')).toHaveValue('https://www.example.org');
  await saveRefused(editor, async () => {
    expect(await message(page, 'Beitrag speichern fehlgeschlagen:')).toBe(
      'Beitrag speichern fehlgeschlagen: Englische Fassung: Name fehlt; Kurzname fehlt; ' +
        'Kurzbeschreibung fehlt; Beschreibung fehlt.',
    );
  });
  await screenshot(page, '11-english-missing', { messages: true });
  expect(git('for-each-ref', '--format=%(refname)', 'refs/heads/')).toBe(branches);
  expect(editor.problems).toEqual([]);
});

test('offers no delete: a partner leaves the site as a draft, through a pull request', async () => {
  const { page } = editor;
  await openEntry(editor, 'use');
  await expect(page.getByRole('button', { name: /Lösche|löschen/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Veröffentlicht', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Duplizieren' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Veröffentlichung zurückziehen' })).toHaveCount(
    0,
  );
  await page.keyboard.press('Escape');

  await field(page, 'draft').click();
  await save(page);
  const branch = 'cms/partners/use';
  expect(git('diff', '--name-only', `main...${branch}`)).toBe(
    'content/partners/use.de.md\ncontent/partners/use.en.md',
  );
  await github.checksDone();
  expect(github.checkRunsOf(pullOf(branch)!.headSha)).toMatchObject([{ conclusion: 'success' }]);
  await setStatus(page, 'Abgeschlossen');
  await publish(page);
  await expect(page.getByText('Beitrag veröffentlicht')).toBeVisible({ timeout: 30_000 });
  expect(publishedSlugs('main')).toEqual({
    de: ['vku', 'uclg', 'difu'],
    en: ['vku', 'uclg', 'difu'],
  });
  expect(editor.problems).toEqual([]);
});

test('has no media library: no Medien tab, and nothing in a form takes a file', async () => {
  const { page } = editor;
  await openList(editor);
  await expect(page.getByRole('navigation').getByRole('link')).toHaveText([
    'Inhalt',
    'Arbeitsablauf',
  ]);
  await expect(page.getByText('Medien', { exact: true })).toHaveCount(0);
  await openEntry(editor, 'uclg');
  await expect(page.locator('input[type="file"]')).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: /Bild|Medien|Datei|image|media|file/i }),
  ).toHaveCount(0);
  expect(github.requests.filter((r) => /uploads|media/i.test(r.path))).toEqual([]);
  expect(editor.problems).toEqual([]);
});

test('previews a partner in the site’s look, in the language shown, from this origin only', async () => {
  const { page } = editor;
  const fromPreview: string[] = [];
  page.on('request', (request) => {
    if (request.frame() !== page.mainFrame()) fromPreview.push(request.url());
  });
  await openEntry(editor, 'vku');
  await page.getByRole('button', { name: 'Vorschau', exact: true }).click();
  const preview = page.frameLocator('#preview-pane');
  const heading = preview.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Verband kommunaler Unternehmen e.V.');
  // The site's own stylesheet: the heading is bold, the partner's mark in the brand's colour.
  await expect(heading).toHaveCSS('font-weight', '700');
  await expect(preview.locator('span[aria-hidden="true"]', { hasText: /^VKU$/ })).toHaveCSS(
    'background-color',
    'rgb(13, 98, 102)',
  );
  await expect(
    preview.getByText('Der Verband kommunaler Unternehmen (VKU) vertritt'),
  ).toBeVisible();
  await screenshot(page, '8-preview');
  await field(page, 'seat').fill('Berlin-Mitte');
  await expect(preview.getByText('Berlin-Mitte', { exact: true })).toBeVisible();
  await field(page, 'seat').clear();
  await field(page, 'seat').fill('Berlin');
  await expect(page.getByText('Änderungen gespeichert')).toBeVisible();

  await page.getByRole('button', { name: 'Aktuelle Sprache: DE' }).click();
  await page.getByRole('menuitem', { name: 'en', exact: true }).click();
  await expect(heading).toHaveText('German Association of Local Public Utilities');
  await expect(preview.getByText('Short name', { exact: true })).toBeVisible();

  expect(fromPreview.length).toBeGreaterThan(0);
  expect(fromPreview.filter((url) => !url.startsWith(`${site}/`))).toEqual([]);
  // Back to both languages side by side, as the other tests expect.
  await page.getByRole('button', { name: 'Übersetzungen', exact: true }).click();
  expect(editor.problems).toEqual([]);
});

test('opens the partner’s own page from “Live ansehen”, in the language shown on the left', async () => {
  const { page } = editor;
  await openEntry(editor, 'vku');
  const live = page.getByRole('link', { name: 'Live ansehen' });
  await expect(live).toHaveAttribute('href', `${site}/de/partner/vku`);
  const visit = async (path: string, name: string) => {
    const opened = page.waitForEvent('popup');
    await live.click();
    const site_ = await opened;
    await expect(site_.getByRole('heading', { level: 1 })).toHaveText(name);
    expect(site_.url()).toBe(`${site}${path}`);
    await site_.close();
  };
  await visit('/de/partner/vku', 'Verband kommunaler Unternehmen e.V.');
  await page.getByRole('button', { name: 'Aktuelle Sprache: DE' }).click();
  await page.getByRole('menuitem', { name: 'en', exact: true }).click();
  await visit('/en/partners/vku', 'German Association of Local Public Utilities');
  expect(editor.problems).toEqual([]);
});

test('shows a login refused at GitHub, or with another state, on Decap’s login screen in German', async ({
  browser,
}) => {
  const window = await openWindow(browser);
  const { page, problems } = window;
  const cases = [
    ['deny', 'Sie haben GitHub den Zugriff nicht erlaubt.'],
    ['forgeState', 'Die Anmeldung ist abgelaufen oder kam nicht von diesem Editor.'],
  ] as const;
  for (const [how, reason] of cases) {
    github.login[how] = true;
    try {
      await logIn(window);
    } finally {
      github.login[how] = false;
    }
    await expect(
      page.getByText(`${reason} Bitte melden Sie sich im Editor noch einmal an.`),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Mit GitHub einloggen' })).toBeEnabled();
    if (how === 'deny') await screenshot(page, '12-login-refused');
  }
  // The pop-up's refusal pages answer 400, which Chromium reports; nothing else went wrong.
  const refused =
    'console: Failed to load resource: the server responded with a status of 400 (Bad Request) (/admin/auth/callback)';
  expect(problems).toEqual([refused, refused]);
});
