import { allPages, expect, open, test } from './site';

type FocusStyle = { outline: string; boxShadow: string };

for (const sitePage of allPages) {
  test(`keyboard on ${sitePage.path}`, async ({ page }) => {
    await open(page, sitePage);

    // Unfocused look of every link, to compare with its look under keyboard focus.
    const links = await page.locator('a[href]').evaluateAll((elements) =>
      elements.map((element) => {
        const style = getComputedStyle(element);
        return {
          text: element.textContent?.trim() ?? '',
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          boxShadow: style.boxShadow,
        };
      }),
    );

    const reached: { index: number; style: FocusStyle }[] = [];
    for (let step = 0; step <= links.length; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        return {
          index: [...document.querySelectorAll('a[href]')].indexOf(element),
          style: {
            outline: `${style.outlineStyle} ${style.outlineWidth}`,
            boxShadow: style.boxShadow,
          },
        };
      });
      if (!focused) break;
      reached.push(focused);
    }

    expect(
      reached.map((r) => r.index),
      'every link, in document order, then nothing else',
    ).toEqual(links.map((_, index) => index));
    for (const { index, style } of reached) {
      const unfocused = links[index]!;
      expect(
        style.outline !== unfocused.outline || style.boxShadow !== unfocused.boxShadow,
        `a visible focus indicator on "${unfocused.text}"`,
      ).toBe(true);
      expect(style.outline, `outline on "${unfocused.text}"`).toMatch(/^solid [2-9]/);
    }

    await page.reload();
    await page.keyboard.press('Tab');
    const skipLink = page.locator('a[href="#main"]');
    await expect(skipLink).toBeFocused();
    const box = await skipLink.boundingBox();
    expect(box?.width, 'the skip link is visible when focused').toBeGreaterThan(40);
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
  });
}
