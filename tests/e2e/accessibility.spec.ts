import AxeBuilder from '@axe-core/playwright';
import { allPages, content, expect, listPath, open, partnerPath, test } from './site';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

// One test per page: the page is loaded once, then checked in both colour schemes at both widths,
// which takes a third of the time of one test per combination.
for (const sitePage of allPages) {
  test(`axe, headings and overflow on ${sitePage.path}`, async ({ page }, testInfo) => {
    await open(page, sitePage);
    // The pages have no frames, so axe runs in the page itself ("legacy mode"): the default
    // merges per-frame results in an extra blank page, which took 4 times as long.
    expect(page.frames(), 'no frames for axe to miss').toHaveLength(1);

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        const { violations } = await new AxeBuilder({ page })
          .withTags(tags)
          .setLegacyMode(true)
          .analyze();
        const summary = violations.map((v) => ({
          rule: v.id,
          impact: v.impact,
          targets: v.nodes.map((node) => node.target.join(' ')),
        }));
        expect(summary, `axe, ${colorScheme}, ${width} px`).toEqual([]);
        await page.screenshot({
          path: `tests/artifacts/screenshots/${sitePage.locale}-${sitePage.id}-${width}-${colorScheme}.png`,
          fullPage: true,
        });
      }
    }

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
        expect(level, `heading ${i + 1} skips no level`).toBeLessThanOrEqual(levels[i - 1]! + 1);
    });
    testInfo.annotations.push({ type: 'headings', description: levels.join(' ') });

    // WCAG 1.4.10 (reflow): nothing scrolls sideways at 320 CSS pixels.
    await page.setViewportSize({ width: 320, height: 640 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, 'nothing overflows horizontally at 320 px').toBeLessThanOrEqual(320);
  });
}

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
