import AxeBuilder from '@axe-core/playwright';
import { allPages, content, expect, listPath, open, partnerPath, test } from './site';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [375, 1280]) {
    test.describe(`${colorScheme}, ${width} px`, () => {
      test.use({ colorScheme, viewport: { width, height: 800 } });

      for (const sitePage of allPages) {
        test(`axe and headings on ${sitePage.path}`, async ({ page }, testInfo) => {
          await open(page, sitePage);
          const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
          const summary = violations.map((v) => ({
            rule: v.id,
            impact: v.impact,
            targets: v.nodes.map((node) => node.target.join(' ')),
          }));
          expect(summary).toEqual([]);

          const levels = await page
            .locator('h1, h2, h3, h4, h5, h6')
            .evaluateAll((headings) => headings.map((h) => Number(h.tagName[1])));
          expect(levels[0], 'the first heading is the h1').toBe(1);
          expect(
            levels.filter((level) => level === 1),
            'exactly one h1',
          ).toHaveLength(1);
          levels.forEach((level, i) => {
            if (i > 0)
              expect(level, `heading ${i + 1} skips no level`).toBeLessThanOrEqual(
                levels[i - 1]! + 1,
              );
          });

          await page.screenshot({
            path: `tests/artifacts/screenshots/${sitePage.locale}-${sitePage.id}-${width}-${colorScheme}.png`,
            fullPage: true,
          });
          testInfo.annotations.push({ type: 'headings', description: levels.join(' ') });
        });
      }
    });
  }
}

test.describe('320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const sitePage of allPages) {
    test(`nothing overflows horizontally on ${sitePage.path}`, async ({ page }) => {
      await open(page, sitePage);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(320);
    });
  }
});

test('partner names carry their own language where it differs from the page', async ({ page }) => {
  let foreign = 0;
  for (const locale of ['de', 'en'] as const) {
    for (const partner of content.partners[locale]) {
      const expected = partner.nameLang ?? locale;
      if (expected !== locale) foreign++;
      const language = (element: Element) => element.closest('[lang]')?.getAttribute('lang');

      await page.goto(listPath(locale));
      const cardLink = page.getByRole('link', { name: partner.name, exact: true });
      expect(await cardLink.evaluate(language), `card of ${partner.slug} (${locale})`).toBe(
        expected,
      );

      await page.goto(partnerPath(locale, partner.slug));
      const heading = page.getByRole('heading', { level: 1 });
      expect(await heading.evaluate(language), `h1 of ${partner.slug} (${locale})`).toBe(expected);
    }
  }
  expect(foreign, 'the content has foreign-language names to check').toBeGreaterThan(0);
});
