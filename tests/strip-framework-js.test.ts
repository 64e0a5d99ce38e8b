import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stripFrameworkJs } from '@/build/strip-framework-js.mjs';

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
    expect(out).toContain('<p>a &lt; b</p>');
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(out).toContain(
      '<script type="application/ld+json">{"@type":"Organization","name":"a\\u003cb"}</script>',
    );
    expect(out).toContain('<title>Partner</title>');
  });

  it('leaves everything else byte for byte', () => {
    const removed = [
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
      '<script src="/_next/static/chunks/c.js" async=""></script>',
      '<script src="/_next/static/chunks/d.js" noModule=""></script>',
      '<script id="_R_">(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push({})</script>',
      '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
      '<script>self.__next_f.push([1,"</script-ish payload"])</script>',
    ];
    expect(out).toBe(removed.reduce((html, element) => html.replace(element, ''), page));
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

describe('strip-framework-js as the build runs it', () => {
  // Enough pages for one worker thread per core, as with a few hundred partners.
  function distDir(pages: number, broken?: number) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-strip-'));
    const app = path.join(dir, 'server/app');
    fs.mkdirSync(app, { recursive: true });
    for (let i = 0; i < pages; i++) {
      const html = i === broken ? '<!doctype html><html><body>odd</body></html>' : page;
      fs.writeFileSync(path.join(app, `p${i}.html`), html);
    }
    return dir;
  }
  const run = (dir: string) =>
    spawnSync(process.execPath, ['build/strip-framework-js.mjs'], {
      env: { ...process.env, NEXT_DIST_DIR: dir, KEEP_FRAMEWORK_JS: '' },
      encoding: 'utf8',
    });

  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('strips every page, across worker threads', () => {
    const dir = distDir(600);
    dirs.push(dir);
    const result = run(dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/600 pages without client JavaScript/);
    for (const file of fs.readdirSync(path.join(dir, 'server/app')))
      expect(fs.readFileSync(path.join(dir, 'server/app', file), 'utf8')).toBe(
        stripFrameworkJs(page),
      );
  });

  it('finds pages in nested folders and skips the prefetch folders', () => {
    const dir = distDir(0);
    dirs.push(dir);
    const files = {
      nested: path.join(dir, 'server/app/de/partners/vku.html'),
      routeCache: path.join(dir, 'server/route-cache/x.html'),
      segments: path.join(dir, 'server/app/de/partners/vku.segments/_index.html'),
    };
    for (const file of Object.values(files)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, page);
    }
    const result = run(dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/2 pages without client JavaScript/);
    expect(fs.readFileSync(files.nested, 'utf8')).toBe(stripFrameworkJs(page));
    expect(fs.readFileSync(files.routeCache, 'utf8')).toBe(stripFrameworkJs(page));
    expect(fs.readFileSync(files.segments, 'utf8')).toBe(page);
  });

  it('fails the build naming the page a worker could not strip', () => {
    const dir = distDir(600, 421);
    dirs.push(dir);
    const result = run(dir);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/p421\.html: found no Next\.js bootstrap script/);
  });
});
