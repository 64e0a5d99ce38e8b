import { allPages, content, expect, listPath, locales, partnerPath, sitePages, test } from './site';

const languageName = (locale: string) =>
  new Intl.DisplayNames(locale, { type: 'language' }).of(locale) ?? locale;

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    for (const locale of locales) {
      test.describe(`Accept-Language: ${locale}`, () => {
        // `locale` sets the Accept-Language header (and would override an extra header).
        test.use({ locale });

        test('from / to the list, to every partner and back', async ({ page }) => {
          await page.goto('/');
          await expect(page).toHaveURL(new RegExp(`${listPath(locale)}$`));
          await expect(page.locator('html')).toHaveAttribute('lang', locale);
          await expect(page.locator('blockquote')).toHaveText(content.headers[locale].quote);
          const partners = content.partners[locale];
          await expect(page.getByRole('main').getByRole('article')).toHaveCount(partners.length);

          for (const partner of partners) {
            await page.getByRole('link', { name: partner.name, exact: true }).click();
            await expect(page).toHaveURL(new RegExp(`${partnerPath(locale, partner.slug)}$`));
            await expect(page.getByRole('heading', { level: 1 })).toHaveText(partner.name);
            const main = page.getByRole('main');
            await expect(main.locator('a[href^="https:"]').first()).toHaveAttribute(
              'href',
              partner.website,
            );
            const firstWords = partner.html
              .replace(/<[^>]+>/g, '')
              .split(/[,:(]/)[0]!
              .trim();
            await expect(main).toContainText(firstWords);

            await page.goBack();
            await expect(page).toHaveURL(new RegExp(`${listPath(locale)}$`));
            await expect(page.getByRole('main').getByRole('article')).toHaveCount(partners.length);
          }
        });
      });
    }

    for (const from of allPages) {
      test(`the language switch on ${from.path} leads to the same page`, async ({ page }) => {
        const to = locales.find((locale) => locale !== from.locale)!;
        // An unknown path has no counterpart: its switch leads to the other language's list.
        const target =
          from.kind === 'not-found'
            ? listPath(to)
            : sitePages(to).find((candidate) => candidate.id === from.id)!.path;
        const response = await page.goto(from.path);
        expect(response?.status()).toBe(from.status);
        const link = page
          .getByRole('banner')
          .getByRole('link', { name: languageName(to), exact: true });
        await expect(link).toHaveAttribute('hreflang', to);
        await link.click();
        await expect(page).toHaveURL(new RegExp(`${target}$`));
        await expect(page.locator('html')).toHaveAttribute('lang', to);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      });
    }
  });
}
