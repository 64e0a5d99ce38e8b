/**
 * Decap CMS (the web editor) driven in Chromium as an editor drives it: through its German
 * labels, its forms, its messages and its dialogs. Used by tests/e2e/editor-github.spec.ts and
 * tests/faults/deploy.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  type APIResponse,
  type BrowserContext,
  type Dialog,
  expect,
  type Page,
  type Route,
} from '@playwright/test';

/** The editor in one browser window, the site's origin, and whatever went wrong in it. */
export type Editor = { page: Page; site: string; problems: string[] };

/** Where the screenshots go: the guide's (docs/editor, npm run docs:editor) or the test run's. */
const screenshots = process.env.EDITOR_SCREENSHOTS ?? 'tests/artifacts/editor-github';

/**
 * Hands the requests for each origin of `origins` (from → to) to the server at `to`, and refuses
 * any other request, listing it in `problems`.
 */
async function routeOrigins(
  context: BrowserContext,
  origins: Record<string, string>,
  problems: string[],
) {
  await context.route('**/*', (route) => {
    problems.push(`refused: ${route.request().url()}`);
    return route.abort('blockedbyclient');
  });
  for (const [from, to] of Object.entries(origins)) {
    await context.route(`${from}/**`, async (route) => {
      const url = to + route.request().url().slice(from.length);
      await route.fulfill({ response: await forward(route, url) });
    });
  }
}

/**
 * The answer of the server at `url`. Playwright reuses kept-alive connections, and a server may
 * close an idle one just as a request goes out on it (ECONNRESET, nothing was read): a GET or
 * HEAD is then sent once more.
 */
async function forward(route: Route, url: string): Promise<APIResponse> {
  try {
    return await route.fetch({ url, maxRedirects: 0 });
  } catch (error) {
    const idempotent = ['GET', 'HEAD'].includes(route.request().method());
    if (!idempotent || !String(error).includes('ECONNRESET')) throw error;
    return route.fetch({ url, maxRedirects: 0 });
  }
}

/** A window on the editor at `site`, with every CSP violation, error and refused request listed. */
export async function openEditor(
  context: BrowserContext,
  site: string,
  origins: Record<string, string>,
): Promise<Editor> {
  const problems: string[] = [];
  await routeOrigins(context, origins, problems);
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  context.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url.replace(/^https?:\/\/[^/]+|\?.*$/g, '');
      problems.push(`console: ${message.text()}${where && ` (${where})`}`);
    });
  });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  return { page, site, problems };
}

/** A screenshot for the guide; Decap's messages are closed first unless they are the point. */
export async function screenshot(page: Page, name: string, { messages = false } = {}) {
  if (!messages) await dismissMessages(page);
  await page.mouse.move(0, 0);
  fs.mkdirSync(screenshots, { recursive: true });
  // Not animations: 'disabled': that also ends the messages' countdowns, which closes them.
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

/** Logs in as an editor does: the button, GitHub's pop-up, back in the editor. */
export async function logIn({ page, site }: Editor) {
  await page.goto(`${site}/admin/`);
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Mit GitHub einloggen' }).click();
  await (await popup).waitForEvent('close');
}

/** A field of the German (0) or English (1) half of a partner's form. */
export const field = (page: Page, name: string, pane: 0 | 1 = 0) =>
  page.locator(`[id^="${name}-field-"]`).nth(pane);

/** The list of partners, reached as an editor reaches it: back from a form, or from the header. */
export async function openList({ page, site }: Editor) {
  if (!page.url().startsWith(`${site}/admin/`)) await page.goto(`${site}/admin/`);
  const back = page.getByRole('link', { name: /Zurück zu allen Partner/ });
  const contents = page.getByRole('link', { name: 'Inhalt', exact: true });
  const partners = page.getByRole('link', { name: 'Partner', exact: true });
  // Leaving a form with unsaved changes (a refused save), Decap asks first: yes.
  const leave = (dialog: Dialog) => void dialog.accept();
  page.on('dialog', leave);
  try {
    await back.or(contents).first().click();
    await expect(back).toHaveCount(0);
  } finally {
    page.off('dialog', leave);
  }
  // "Zurück" leads where the form was opened from, which may be the board (Arbeitsablauf).
  if (!(await partners.isVisible())) await contents.click();
  await partners.click();
  const entries = page.locator('a[href*="/collections/partners/entries/"]');
  await expect(entries.first()).toBeVisible();
  return entries;
}

/** A partner's form, opened from the list as an editor opens it. */
export async function openEntry(editor: Editor, slug: string) {
  const entries = await openList(editor);
  await entries.and(editor.page.locator(`[href$="/entries/${slug}"]`)).click();
  await expect(field(editor.page, 'name')).not.toHaveValue('');
}

/** A new partner's empty form, from the list's "＋ Partner". */
export async function newEntry(editor: Editor) {
  await openList(editor);
  await editor.page.getByRole('link', { name: 'Beitrag vom Typ Partner erstellen' }).click();
  await expect(field(editor.page, 'name')).toHaveValue('');
}

/** Chooses an option of a select field by typing it. */
export async function choose(page: Page, name: string, option: string) {
  await field(page, name).fill(option);
  await page.keyboard.press('Enter');
}

/** Closes Decap's messages, so that the next one is the next action's (and screenshots are clear). */
export async function dismissMessages(page: Page) {
  const close = page.locator('.Toastify__close-button');
  // They also go by themselves, possibly between finding one and clicking it.
  while ((await close.count()) > 0) {
    await close
      .first()
      .click({ timeout: 1000 })
      .catch(() => {});
  }
  await expect(page.locator('.Toastify__toast')).toHaveCount(0);
}

/** The text of Decap's message that starts with `start`, once it has slid into view. */
export async function message(page: Page, start: string) {
  const shown = page.locator('.Toastify__toast', { hasText: start }).last();
  await expect(shown).toBeVisible({ timeout: 30_000 });
  await expect(shown).not.toHaveClass(/Toastify__bounce-enter/);
  return (await shown.textContent())!.trim();
}

export async function save(page: Page) {
  await dismissMessages(page);
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.getByText('Beitrag gespeichert')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Änderungen gespeichert')).toBeVisible();
}

/**
 * "Speichern" on a form that is refused: `refusal` is what the editor then sees. Decap leaves the
 * failed save's promise unhandled (its Editor awaits persistEntry, which rejects after showing
 * the message): that one page error is Decap's, and taken off the list.
 */
export async function saveRefused({ page, problems }: Editor, refusal: () => Promise<void>) {
  const before = problems.length;
  await dismissMessages(page);
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await refusal();
  await expect.poll(() => problems.length).toBe(before + 1);
  expect(problems.splice(before)).toEqual([
    expect.stringMatching(/^exception: (Object|undefined)$/),
  ]);
}

/** Sets the workflow status of the entry on screen; `shot` names a screenshot of the choice. */
export async function setStatus(
  page: Page,
  status: 'Entwurf' | 'Zur Überprüfung' | 'Abgeschlossen',
  shot?: string,
) {
  await dismissMessages(page);
  await page.getByRole('button', { name: /^Status: / }).click();
  if (shot) await screenshot(page, shot);
  await page.getByRole('menuitem', { name: status }).click();
  await expect(page.getByRole('button', { name: `Status: ${status}` })).toBeVisible();
}

/** Runs `action`, answering yes to the browser dialogs it opens; their texts. */
export async function answeringDialogs(page: Page, action: () => Promise<void>) {
  const dialogs: string[] = [];
  const answer = (dialog: Dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  };
  page.on('dialog', answer);
  try {
    const opened = page.waitForEvent('dialog');
    await action();
    await opened;
  } finally {
    page.off('dialog', answer);
  }
  return dialogs;
}

/** "Veröffentlichen", "Jetzt veröffentlichen", and yes to Decap's question; the dialogs' texts. */
export async function publish(page: Page) {
  await dismissMessages(page);
  return answeringDialogs(page, async () => {
    await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Jetzt veröffentlichen' }).click();
  });
}
