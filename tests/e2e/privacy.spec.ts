import { allPages, expect, open, test } from './site';

// What the privacy notice says about a visit, checked on every page in a real browser. (That no
// request leaves the site's origin is checked in every test, by the fixture in site.ts.)
test('a visit to every page sets no cookie, stores nothing and runs no script', async ({
  page,
  context,
  baseURL,
}) => {
  const origins = new Set<string>();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('data:')) origins.add(new URL(request.url()).origin);
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  for (const sitePage of allPages) {
    await open(page, sitePage);
    const stored = await page.evaluate(() => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      scripts: [...document.scripts].filter((s) => s.type !== 'application/ld+json').length,
    }));
    expect(stored, sitePage.path).toEqual({ cookie: '', local: 0, session: 0, scripts: 0 });
  }
  expect(await context.cookies()).toEqual([]);
  expect(scripts).toEqual([]);
  expect([...origins]).toEqual([new URL(baseURL!).origin]);
});

test('every page links the accessibility statement, imprint and privacy notice', async ({
  page,
}) => {
  for (const sitePage of allPages) {
    await open(page, sitePage);
    const footer = page.getByRole('contentinfo');
    const links = await footer
      .getByRole('link')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    const own = allPages.filter(
      (p) =>
        p.locale === sitePage.locale && ['accessibility', 'imprint', 'privacy'].includes(p.kind),
    );
    expect(links, sitePage.path).toEqual(own.map((p) => p.path));
  }
});
