/**
 * The web editor as an editor uses it: `npm run edit` (next dev and Decap's local proxy) on a
 * scratch copy of content/, in Chromium. Every file it writes is read back by the content check
 * and the site; `git diff` in the scratch copy shows exactly what a save changed.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { checkContent } from '@/lib/content/check';

const port = Number(process.env.EDITOR_E2E_PORT ?? 3530);
const proxyPort = Number(process.env.EDITOR_E2E_PROXY_PORT ?? 8530);
const editor = `http://localhost:${port}/admin/`;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-editor-'));
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: scratch, encoding: 'utf8' }).trim();
let server: ChildProcess;

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

test.beforeAll(async () => {
  fs.cpSync('content', path.join(scratch, 'content'), { recursive: true });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=Editor', '-c', 'user.email=editor@localhost', 'commit', '-qm', 'content');
  server = spawn('node_modules/.bin/tsx', ['scripts/edit.ts'], {
    env: {
      ...process.env,
      EDIT_ROOT: scratch,
      EDIT_PORT: String(port),
      CMS_PROXY_PORT: String(proxyPort),
      SITE_URL: `http://localhost:${port}`,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('The web editor:')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`npm run edit exited with ${code}`)));
  });
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** The editor, logged in to the local proxy, with every CSP violation and error collected. */
async function openEditor(page: Page, hash: string) {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  await page.goto(`${editor}${hash}`);
  await page.getByRole('button', { name: 'Login' }).click();
  return problems;
}

/** A field of the German (0) or English (1) half of a partner's form. */
const field = (page: Page, name: string, pane: 0 | 1 = 0) =>
  page.locator(`[id^="${name}-field-"]`).nth(pane);

async function choose(page: Page, name: string, option: string, pane: 0 | 1 = 0) {
  await field(page, name, pane).fill(option);
  await page.keyboard.press('Enter');
}

async function writeBody(page: Page, text: string, pane: 0 | 1) {
  const body = page.locator('[contenteditable="true"]').nth(pane);
  await body.click();
  await page.keyboard.type(text);
}

async function publish(page: Page) {
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await page.getByText('Jetzt veröffentlichen').click();
}

const changedFiles = () => git('status', '--porcelain', '--untracked-files=all');

test('creates a partner in both languages: valid files, and the site shows it', async ({
  page,
}) => {
  const problems = await openEditor(page, '#/collections/partners/new');
  await field(page, 'name').fill('Stiftung Müller Straße');
  await field(page, 'shortName').fill('Müller Straße');
  await field(page, 'summary').fill(
    'Die Stiftung Müller Straße fördert den Austausch zwischen Städten.',
  );
  await field(page, 'website').fill('https://www.stiftung-mueller-strasse.de');
  await choose(page, 'type', 'Institut');
  await field(page, 'order').fill('5');
  await field(page, 'founded').fill('1999');
  await field(page, 'seat').fill('Köln');
  await writeBody(page, 'Die Stiftung verbindet Kommunen in aller Welt.', 0);
  await field(page, 'name', 1).fill('Müller Straße Foundation');
  await field(page, 'shortName', 1).fill('Müller Straße');
  await field(page, 'summary', 1).fill(
    'The Müller Straße Foundation promotes exchange between cities.',
  );
  await field(page, 'seat', 1).fill('Cologne');
  await writeBody(page, 'The foundation connects municipalities around the world.', 1);
  await page.screenshot({ path: 'tests/artifacts/editor/new-partner.png', fullPage: true });
  await publish(page);

  const files = ['de', 'en'].map((l) =>
    path.join(scratch, `content/partners/muller-strasse.${l}.md`),
  );
  await expect
    .poll(() => files.every((file) => fs.existsSync(file)), { timeout: 30_000 })
    .toBe(true);
  expect(fs.readFileSync(files[0]!, 'utf8')).toBe(
    [
      '---',
      'name: "Stiftung Müller Straße"',
      'shortName: "Müller Straße"',
      'summary: "Die Stiftung Müller Straße fördert den Austausch zwischen Städten."',
      'website: https://www.stiftung-mueller-strasse.de',
      'type: institute',
      'order: 5',
      'founded: 1999',
      'seat: Köln',
      '---',
      '',
      'Die Stiftung verbindet Kommunen in aller Welt.',
      '',
    ].join('\n'),
  );
  const english = fs.readFileSync(files[1]!, 'utf8');
  expect(english).toContain('name: "Müller Straße Foundation"\n');
  expect(english).toContain(
    'website: https://www.stiftung-mueller-strasse.de\ntype: institute\norder: 5\nfounded: 1999\n',
  );
  expect(english).toMatch(/\n---\n\nThe foundation connects municipalities around the world\.\n$/);
  const errors = checkContent(path.join(scratch, 'content')).problems.filter(
    (p) => p.severity === 'error',
  );
  expect(errors).toEqual([]);

  expect(problems).toEqual([]);

  // The site in development, as the editor checks it on reload (its dev CSP is not the editor's).
  const site = await page.context().newPage();
  for (const [url, name] of [
    [`http://localhost:${port}/de/partner/muller-strasse`, 'Stiftung Müller Straße'],
    [`http://localhost:${port}/en/partners/muller-strasse`, 'Müller Straße Foundation'],
  ]) {
    await site.goto(url!);
    await expect(site.getByRole('heading', { level: 1 })).toHaveText(name!);
  }
  git('add', '-A');
  git(
    '-c',
    'user.name=Editor',
    '-c',
    'user.email=editor@localhost',
    'commit',
    '-qm',
    'new partner',
  );
});

test('changes only the English summary: exactly that line', async ({ page }) => {
  const problems = await openEditor(page, '#/collections/partners/entries/vku');
  const summary = field(page, 'summary', 1);
  await expect(summary).toHaveValue(/^The German Association of Local Public Utilities/);
  await summary.fill(
    'The VKU represents local public utilities in energy, water, waste and telecommunications.',
  );
  await publish(page);
  await expect.poll(changedFiles, { timeout: 30_000 }).toBe('M content/partners/vku.en.md');
  const diff = git('diff', '-U0', '--', 'content/partners/vku.en.md')
    .split('\n')
    .filter((line) => /^[-+](?![-+])/.test(line));
  expect(diff).toEqual([
    expect.stringMatching(/^-summary: "The German Association of Local Public Utilities/),
    '+summary: "The VKU represents local public utilities in energy, water, waste and telecommunications."',
  ]);
  expect(problems).toEqual([]);
  git('checkout', '--', '.');
});

test('refuses an http:// website and writes nothing', async ({ page }) => {
  await openEditor(page, '#/collections/partners/entries/difu');
  await field(page, 'website').fill('http://www.difu.de');
  await publish(page);
  await expect(page.getByText('Die Adresse muss mit https:// beginnen').first()).toBeVisible();
  await page.waitForTimeout(2000);
  expect(changedFiles()).toBe('');
});

test('refuses a new partner whose English half is empty, and says which fields', async ({
  page,
}) => {
  await openEditor(page, '#/collections/partners/new');
  await field(page, 'name').fill('Nur Deutsch e. V.');
  await field(page, 'shortName').fill('NurDE');
  await field(page, 'summary').fill('Ein Partner, dessen englische Fassung fehlt.');
  await field(page, 'website').fill('https://www.nur-deutsch.de');
  await choose(page, 'type', 'Verband');
  await field(page, 'order').fill('6');
  await writeBody(page, 'Nur ein deutscher Text.', 0);
  await field(page, 'name', 1).fill('German-only Association');
  await publish(page);
  // Decap validates only fields someone touched in the English half; our check names the rest.
  await expect(
    page.getByText(
      'Beitrag speichern fehlgeschlagen: Englische Fassung: Kurzname fehlt; ' +
        'Kurzbeschreibung fehlt; Beschreibung fehlt.',
    ),
  ).toBeVisible();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: 'tests/artifacts/editor/english-missing.png' });
  await page.waitForTimeout(2000);
  expect(changedFiles()).toBe('');
});

test('opening and leaving a partner unchanged changes no file', async ({ page }) => {
  const problems = await openEditor(page, '#/collections/partners/entries/uclg');
  await expect(field(page, 'name')).toHaveValue('United Cities and Local Governments');
  await field(page, 'seat').fill('Barcelona');
  await field(page, 'seat').fill('Barcelona'.slice(0, -1));
  await field(page, 'seat').fill('Barcelona');
  // Back to the file's own values: there is nothing to save, and nothing is written.
  await expect(page.getByRole('button', { name: 'Veröffentlichen' })).toHaveCount(0);
  await page.waitForTimeout(2000);
  expect(changedFiles()).toBe('');
  expect(problems).toEqual([]);
});
