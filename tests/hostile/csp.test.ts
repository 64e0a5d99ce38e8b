import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '@/scripts/lib/chromium.mjs';

const ports = inject('ports');
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
});
afterAll(() => browser?.close());

describe.each(['next', 'front'] as const)('the CSP from %s', (target) => {
  it.each(['/de', '/en/partners/vku', '/de/partner/nope'])(
    'blocks nothing the page needs on %s',
    async (path) => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (event) =>
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
        ),
      );
      await page.goto(`http://127.0.0.1:${ports[target]}${path}`, { waitUntil: 'networkidle' });
      // The stylesheet applied: the skip link is visually hidden (Tailwind's sr-only).
      expect(
        await page.locator('a[href="#main"]').evaluate((a) => getComputedStyle(a).position),
      ).toBe('absolute');
      expect(problems.filter((text) => !/404 \(Not Found\)/.test(text))).toEqual([]);
      await page.close();
    },
  );
});
