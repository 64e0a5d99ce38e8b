// @vitest-environment jsdom
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PartnerList } from '@/components/partner-list';
import { getPathname } from '@/lib/i18n/navigation';
import { generateContent } from '@/tests/support/generate-content';
import { renderServer } from './render-server';

vi.mock('next-intl/server', () => import('./components/next-intl-server'));

// 60 generated partners, the last two drafts: 58 published, so three pages of 24, 24 and 10.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-list-'));
const drafts = ['partner-0059', 'partner-0060'];

async function load(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  // Only the data layer is fresh: React itself must stay in its test build.
  return import('@/lib/directory/partner-list');
}

beforeAll(() => generateContent(dir, 60, { drafts: 2 }));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('the partner list at scale (production)', () => {
  it('splits into pages and type pages, each with its localized address', async () => {
    const lib = await load({ NODE_ENV: 'production', CONTENT_DIR: dir });
    const paths = async (locale: 'de' | 'en') =>
      (await lib.getListHrefs(locale)).map((href) => getPathname({ locale, href }));
    expect(await paths('de')).toEqual([
      '/de',
      '/de/seite/2',
      '/de/seite/3',
      '/de/typ/association',
      '/de/typ/platform',
      '/de/typ/network',
      '/de/typ/institute',
    ]);
    expect(await paths('en')).toEqual([
      '/en',
      '/en/page/2',
      '/en/page/3',
      '/en/type/association',
      '/en/type/platform',
      '/en/type/network',
      '/en/type/institute',
    ]);
    expect(await lib.getListParams('/page/[page]')).toEqual([
      { locale: 'de', page: '2' },
      { locale: 'de', page: '3' },
      { locale: 'en', page: '2' },
      { locale: 'en', page: '3' },
    ]);
  });

  it('puts every published partner on exactly one page, drafts on none', async () => {
    const lib = await load({ NODE_ENV: 'production', CONTENT_DIR: dir });
    const pages = await Promise.all(
      [1, 2, 3].map((page) => lib.getListPage('de', { page: page === 1 ? undefined : page })),
    );
    expect(pages.map((page) => page?.partners.length)).toEqual([24, 24, 10]);
    const slugs = pages.flatMap((page) => page!.partners.map((p) => p.slug));
    expect(new Set(slugs).size).toBe(58);
    for (const draft of drafts) expect(slugs).not.toContain(draft);
    const network = await lib.getListPage('de', { type: 'network' });
    expect(network?.total).toBe(14);
    expect(network?.partners.every((p) => p.type === 'network')).toBe(true);
    expect(pages[0]?.counts).toEqual({
      all: 58,
      association: 15,
      platform: 15,
      network: 14,
      institute: 14,
    });
  });

  it('answers pages and types that do not exist with null (a 404)', async () => {
    const lib = await load({ NODE_ENV: 'production', CONTENT_DIR: dir });
    for (const query of [
      { page: '1' },
      { page: '4' },
      { page: '02' },
      { page: 'x' },
      { type: 'company' },
      { type: 'network', page: '2' },
    ]) {
      expect(await lib.getListPage('de', query), JSON.stringify(query)).toBeNull();
    }
  });

  it('renders type filters and page links that work without JavaScript', async () => {
    const lib = await load({ NODE_ENV: 'production', CONTENT_DIR: dir });
    const list = (await lib.getListPage('de', { page: '2' }))!;
    await renderServer(<PartnerList locale="de" list={list} header={null} />);
    const filter = screen.getByRole('navigation', { name: 'Nach Art filtern' });
    expect(within(filter).getByRole('link', { name: 'Alle 58' })).toHaveAttribute('href', '/de');
    expect(within(filter).getByRole('link', { name: 'Netzwerke 14' })).toHaveAttribute(
      'href',
      '/de/typ/network',
    );
    const pages = screen.getByRole('navigation', { name: 'Seiten' });
    expect(within(pages).getByRole('link', { name: 'Vorige Seite' })).toHaveAttribute(
      'href',
      '/de',
    );
    expect(within(pages).getByRole('link', { name: 'Nächste Seite' })).toHaveAttribute(
      'href',
      '/de/seite/3',
    );
    expect(within(pages).getByRole('link', { name: 'Seite 2' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(pages).getByRole('link', { name: 'Seite 1' })).toHaveAttribute('href', '/de');
    expect(screen.getAllByRole('article')).toHaveLength(24);
    expect(screen.getByText(/58 Partner · Seite 2 von 3/)).toBeInTheDocument();
    expect(screen.queryByText('Entwurf')).toBeNull();
  });
});

describe('drafts in development', () => {
  it('are listed with a visible badge', async () => {
    const lib = await load({ NODE_ENV: 'development', CONTENT_DIR: dir });
    const list = (await lib.getListPage('en', { page: '3' }))!;
    expect(list.partners.slice(-2).map((p) => p.slug)).toEqual(drafts);
    await renderServer(<PartnerList locale="en" list={list} header={null} />);
    const cards = screen.getAllByRole('article');
    expect(within(cards.at(-1)!).getByText('Draft')).toBeInTheDocument();
    expect(within(cards[0]!).queryByText('Draft')).toBeNull();
  });
});

describe('the partner list with the real four partners', () => {
  it('is one page without filters or page links', async () => {
    const lib = await load({ NODE_ENV: 'production', CONTENT_DIR: 'content' });
    const list = (await lib.getListPage('de'))!;
    expect(list).toMatchObject({ paged: false, pageCount: 1, total: 4 });
    expect(await lib.getListHrefs('de')).toEqual(['/']);
    expect(await lib.getListPage('de', { type: 'association' })).toBeNull();
    expect(await lib.getListPage('de', { page: '2' })).toBeNull();
    await renderServer(<PartnerList locale="de" list={list} header={null} />);
    expect(screen.queryAllByRole('navigation')).toHaveLength(0);
    expect(screen.getAllByRole('article')).toHaveLength(4);
  });
});
