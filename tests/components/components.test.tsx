// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LanguageSwitch } from '@/components/language-switch';
import { PartnerCard } from '@/components/partner-card';
import { ProverbHeader } from '@/components/proverb-header';
import { SitePageArticle } from '@/components/site-page-article';
import type { Partner } from '@/lib/content/load';
import { localizedPaths } from '@/lib/i18n/paths';

vi.mock('next-intl/server', () => import('./next-intl-server'));

const partner = (locale: 'de' | 'en'): Partner => ({
  slug: 'vku',
  locale,
  name:
    locale === 'de'
      ? 'Verband kommunaler Unternehmen e.V.'
      : 'German Association of Local Public Utilities',
  shortName: 'VKU',
  summary: locale === 'de' ? 'Vertritt kommunale Unternehmen.' : 'Represents municipal companies.',
  website: 'https://www.vku.de',
  type: 'association',
  order: 1,
  draft: false,
  html: '<p>Text</p>',
});

describe('PartnerCard', () => {
  it.each([
    ['de', '/de/partner/vku', 'Verband', 'Website von VKU'],
    ['en', '/en/partners/vku', 'Association', 'Website of VKU'],
  ] as const)(
    'in %s links to the partner page and the website',
    async (locale, href, type, websiteName) => {
      render(await PartnerCard({ partner: partner(locale) }));
      const article = screen.getByRole('article');
      const heading = within(article).getByRole('heading', {
        level: 2,
        name: partner(locale).name,
      });
      expect(within(heading).getByRole('link')).toHaveAttribute('href', href);
      expect(within(article).getByText(type)).toBeInTheDocument();
      expect(within(article).getByText(partner(locale).summary)).toBeInTheDocument();
      const website = within(article).getByRole('link', { name: websiteName });
      expect(website).toHaveAttribute('href', 'https://www.vku.de');
      expect(website).toHaveAttribute('rel', 'noopener noreferrer');
      expect(within(article).getAllByRole('link')).toHaveLength(2);
    },
  );
});

describe('ProverbHeader', () => {
  it('shows the quote as a blockquote with its attribution and the intro', () => {
    render(
      <ProverbHeader
        header={{
          quote: 'Gemeinsam weit gehen.',
          attribution: 'Afrikanisches Sprichwort',
          introHtml: '<p>Einleitung.</p>',
        }}
      />,
    );
    const figure = screen.getByRole('figure');
    expect(within(figure).getByRole('blockquote')).toHaveTextContent(/^Gemeinsam weit gehen\.$/);
    expect(figure).toHaveTextContent('— Afrikanisches Sprichwort');
    expect(screen.getByText('Einleitung.').tagName).toBe('P');
  });
});

describe('LanguageSwitch', () => {
  it.each([
    ['de', 'en', '/en/partners/vku', 'English', 'Sprache'],
    ['en', 'de', '/de/partner/vku', 'Deutsch', 'Language'],
  ] as const)('on a %s page links to the %s page', async (locale, other, href, name, navLabel) => {
    const paths = localizedPaths({ pathname: '/partners/[slug]', params: { slug: 'vku' } });
    render(await LanguageSwitch({ locale, paths }));
    const nav = screen.getByRole('navigation', { name: navLabel });
    const link = within(nav).getByRole('link', { name });
    expect(link).toHaveAttribute('href', href);
    expect(link).toHaveAttribute('hreflang', other);
    expect(link).toHaveAttribute('lang', other);
    expect(within(nav).getAllByRole('link')).toHaveLength(1);
  });
});

describe('SitePageArticle', () => {
  it.each([
    ['de', '26. November 2026'],
    ['en', '26 November 2026'],
  ] as const)('dates the review in %s as the site writes dates', (locale, expected) => {
    render(
      <SitePageArticle
        locale={locale}
        title="Title"
        reviewed={{ date: '2026-11-26', text: (date) => `Reviewed: ${date}` }}
      >
        <p>Text</p>
      </SitePageArticle>,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Title');
    expect(screen.getByText(`Reviewed: ${expected}`)).toBeInTheDocument();
  });
});
