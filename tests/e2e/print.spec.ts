import { content, expect, partnerPath, test } from './site';

test.use({ colorScheme: 'dark' });

for (const locale of ['de', 'en'] as const) {
  for (const partner of content.partners[locale]) {
    test(`the ${locale} page of ${partner.slug} prints cleanly`, async ({ page }) => {
      await page.goto(partnerPath(locale, partner.slug));
      await page.emulateMedia({ media: 'print' });

      await expect(page.getByRole('banner')).toBeHidden();
      await expect(page.getByRole('contentinfo')).toBeHidden();
      await expect(page.locator('a[href="#main"]')).toBeHidden();
      await expect(page.getByRole('main').locator('a[href^="/"]')).toBeHidden();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(partner.name);

      const website = page.getByRole('main').locator(`a[href="${partner.website}"]`).first();
      const after = await website.evaluate((a) => getComputedStyle(a, '::after').content);
      expect(after).toBe(`" (${partner.website})"`);
      const colors = await page
        .locator('body, h1, main a')
        .evaluateAll((elements) => [...new Set(elements.map((e) => getComputedStyle(e).color))]);
      expect(colors, 'black text, even in the dark scheme').toEqual(['rgb(0, 0, 0)']);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toMatch(/^rgba\(0, 0, 0, 0\)$|^rgb\(255, 255, 255\)$/);

      const file = `tests/artifacts/print/${locale}-${partner.slug}`;
      await page.screenshot({ path: `${file}.png`, fullPage: true });
      await page.pdf({ path: `${file}.pdf`, format: 'A4' });
    });
  }
}
