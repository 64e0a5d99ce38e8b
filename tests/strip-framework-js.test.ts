import { describe, expect, it } from 'vitest';
import { stripFrameworkJs } from '@/scripts/strip-framework-js.mjs';

// The shape of a page as Next 16 prerenders it (abridged).
const page = `<!DOCTYPE html><html lang="de"><head><meta charSet="utf-8"/>
<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>
<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>
<script src="/_next/static/chunks/c.js" async=""></script>
<script src="/_next/static/chunks/d.js" noModule=""></script>
<title>Partner</title></head><body><main><h1>VKU</h1><p>a &lt; b</p></main>
<script type="application/ld+json">{"@type":"Organization","name":"a\\u003cb"}</script>
<script id="_R_">(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push({})</script>
<script>(self.__next_f=self.__next_f||[]).push([0])</script>
<script>self.__next_f.push([1,"</script-ish payload"])</script></body></html>`;

describe('stripFrameworkJs', () => {
  const out = stripFrameworkJs(page);

  it('removes every script and script preload', () => {
    expect(out).not.toMatch(/<script(?![^>]*ld\+json)/);
    expect(out).not.toContain('.js');
    expect(out).not.toContain('__next_f');
    expect(out).not.toContain('rel="preload"');
  });

  it('keeps the content, the stylesheet and structured data', () => {
    expect(out).toContain('<html lang="de">');
    expect(out).toContain('<h1>VKU</h1>');
    expect(out).toContain('a &#x3C; b');
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(out).toContain(
      '<script type="application/ld+json">{"@type":"Organization","name":"a\\u003cb"}</script>',
    );
    expect(out).toContain('<title>Partner</title>');
  });

  it('fails loudly when the page does not look like Next.js output', () => {
    expect(() =>
      stripFrameworkJs('<!doctype html><html><body><p>hi</p></body></html>', 'x.html'),
    ).toThrow(/x\.html: found no Next\.js bootstrap script/);
  });

  it('fails when framework JavaScript is referenced in a way it does not know', () => {
    const odd = page.replace('<main>', '<main><a href="/_next/static/chunks/e.js">x</a>');
    expect(() => stripFrameworkJs(odd)).toThrow(/still references framework JavaScript/);
  });
});
