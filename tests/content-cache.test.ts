import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const valid = path.resolve('tests/fixtures/content/valid');

/** A new copy of lib/content, with an empty cache. */
async function freshContentModule(env: Record<string, string>) {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('cc-partners.content')];
  return contentModuleCopy(env);
}

/** A new copy of lib/content, as Next makes for pages and for route handlers. */
async function contentModuleCopy(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return import('@/lib/content/load');
}

function countReads() {
  const spy = vi.spyOn(fs, 'readFileSync');
  return () => {
    const counts = new Map<string, number>();
    for (const [file] of spy.mock.calls) {
      const name = String(file);
      if (name.endsWith('.md')) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return counts;
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('content caching', () => {
  it('reads each content file once per production process, however many pages ask', async () => {
    const content = await freshContentModule({ NODE_ENV: 'production', CONTENT_DIR: valid });
    const reads = countReads();
    for (let page = 0; page < 50; page++) {
      for (const locale of ['de', 'en'] as const) {
        await content.getPartners(locale);
        await content.getPartner(locale, 'alpha');
        await content.getHeader(locale);
      }
    }
    const counts = reads();
    const files = [
      ...fs
        .readdirSync(valid)
        .filter((name) => name.endsWith('.md'))
        .map((name) => path.join(valid, name)),
      ...fs
        .readdirSync(path.join(valid, 'partners'))
        .map((name) => path.join(valid, 'partners', name)),
    ];
    expect([...counts.keys()].sort()).toEqual(files.sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('reads the content once per process, not once per copy of the module', async () => {
    const pages = await freshContentModule({ NODE_ENV: 'production', CONTENT_DIR: valid });
    const reads = countReads();
    await pages.getPartners('de');
    const routes = await contentModuleCopy({ NODE_ENV: 'production', CONTENT_DIR: valid });
    expect(routes).not.toBe(pages);
    expect(await routes.getPartners('en')).toBe(await pages.getPartners('en'));
    const counts = reads();
    expect(counts.size).toBeGreaterThan(0);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('leaves drafts out of production and keeps them in development', async () => {
    const production = await freshContentModule({ NODE_ENV: 'production', CONTENT_DIR: valid });
    expect((await production.getPartners('de')).map((p) => p.slug)).toEqual([
      'beta',
      'alpha',
      'delta',
    ]);
    expect(await production.getPartner('en', 'gamma')).toBeNull();
    const development = await freshContentModule({ NODE_ENV: 'development', CONTENT_DIR: valid });
    expect((await development.getPartners('de')).map((p) => p.slug)).toEqual([
      'beta',
      'alpha',
      'gamma',
      'delta',
    ]);
    expect((await development.getPartner('en', 'gamma'))?.draft).toBe(true);
  });

  it('in development, rereads only after a file changed, and recovers from a broken file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-content-'));
    fs.cpSync(valid, dir, { recursive: true });
    try {
      const content = await freshContentModule({ NODE_ENV: 'development', CONTENT_DIR: dir });
      const reads = countReads();
      expect((await content.getPartner('de', 'alpha'))?.name).toBe('alpha Verband');
      await content.getPartners('en');
      expect(reads().get(path.join(dir, 'partners/alpha.de.md'))).toBe(1);

      const file = path.join(dir, 'partners/alpha.de.md');
      const original = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, original.replace('alpha Verband', 'Alpha-Verband (neu)'));
      expect((await content.getPartner('de', 'alpha'))?.name).toBe('Alpha-Verband (neu)');

      fs.writeFileSync(file, original.replace('type: association', 'type: company'));
      await expect(content.getPartners('de')).rejects.toThrow(
        /alpha\.de\.md:6: type: must be one of/,
      );

      fs.writeFileSync(file, original);
      expect((await content.getPartner('de', 'alpha'))?.name).toBe('alpha Verband');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
