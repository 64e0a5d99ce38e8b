/**
 * The web editor's preview of a partner (Decap CMS's preview pane), as the site will show it: the
 * partner page's own markup (components/partner-article.tsx) with the site's stylesheet, the
 * description through the site's Markdown pipeline (lib/content/markdown.ts, sanitized), in the language
 * the editor shows on the left. build/cms-assets.mjs bundles this file for the browser into
 * public/admin/cms-preview.js; it loads nothing from another origin.
 */
import { hasLocale, type Messages } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { PartnerArticle } from '@/components/partner-article';
import { bodyClassName, mainClassName } from '@/components/page-classes';
import type { Partner } from '@/lib/content/load';
import type { PartnerType } from '@/lib/content/schema';
import { renderMarkdown } from '@/lib/content/markdown';
import { routing, type Locale } from '@/lib/i18n/routing';
import de from '@/messages/de.json';
import en from '@/messages/en.json';

const messages: Record<Locale, Messages> = { de, en };

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const whole = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** A partner as the site holds it, from the data of one language of the editor's form. */
export function previewPartner(
  data: Record<string, unknown>,
  locale: Locale,
  slug: string,
): Partner {
  return {
    slug,
    locale,
    name: text(data.name),
    // nameLang and type are selects of the schema's values, empty until one is chosen.
    nameLang: (text(data.nameLang) || undefined) as Partner['nameLang'],
    shortName: text(data.shortName),
    summary: text(data.summary),
    website: text(data.website),
    type: text(data.type) as PartnerType,
    order: whole(data.order) ?? 0,
    founded: whole(data.founded),
    seat: text(data.seat) || undefined,
    figuresAsOf: whole(data.figuresAsOf),
    draft: data.draft === true,
    html: renderMarkdown(text(data.body)),
  };
}

/** The preview's HTML: the partner's article inside the page's body and main landmark. */
export function partnerPreviewHtml(data: Record<string, unknown>, locale: Locale, slug: string) {
  const partner = previewPartner(data, locale, slug);
  return renderToStaticMarkup(
    <div className={bodyClassName}>
      <main className={mainClassName}>
        <PartnerArticle partner={partner} messages={messages[locale]} backHref={`/${locale}`} />
      </main>
    </div>,
  );
}

type DecapEntry = { get(key: 'slug'): string | undefined; getIn(path: string[]): unknown };
type PreviewProps = { entry: DecapEntry; locale?: string };
type Decap = {
  registerPreviewStyle(href: string): void;
  registerPreviewTemplate(collection: string, component: (props: PreviewProps) => unknown): void;
};
type CreateElement = (type: string, props: object) => unknown;

/** The stylesheets a page of the site links, so the preview uses the very same build's CSS. */
async function siteStylesheets(): Promise<string[]> {
  const response = await fetch(`/${routing.defaultLocale}`);
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  return [...page.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map(
    (link) => new URL(link.getAttribute('href')!, location.href).pathname,
  );
}

function register(cms: Decap, h: CreateElement) {
  void siteStylesheets().then((hrefs) => hrefs.forEach((href) => cms.registerPreviewStyle(href)));
  cms.registerPreviewTemplate('partners', ({ entry, locale }) => {
    const language = locale && hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
    const data = entry.getIn(['data']) as { toJS?: () => Record<string, unknown> } | undefined;
    const html = partnerPreviewHtml(data?.toJS?.() ?? {}, language, entry.get('slug') ?? '');
    return h('div', { dangerouslySetInnerHTML: { __html: html } });
  });
}

const browser = globalThis as unknown as { CMS?: Decap; h?: CreateElement };
if (browser.CMS && browser.h) register(browser.CMS, browser.h);
