import fs from 'node:fs';
import vm from 'node:vm';
import yaml from 'js-yaml';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { PartnerDetails } from '@/components/partner-details';
import { partnerPreviewHtml } from '@/app/admin/preview';
import { getPartner } from '@/lib/content/load';
import { routing } from '@/lib/i18n/routing';

vi.mock('next-intl/server', () => import('./components/next-intl-server'));

type Format = { fromFile: (content: string) => Record<string, unknown> };

/** A file as the web editor holds it: public/admin/cms-format.js reads it into form data. */
function formData(file: string) {
  const registered: Record<string, Format> = {};
  const CMS = {
    registerCustomFormat: (name: string, _: string, f: Format) => (registered[name] = f),
  };
  vm.runInNewContext(fs.readFileSync('public/admin/cms-format.js', 'utf8'), { jsyaml: yaml, CMS });
  return registered['cc-markdown']!.fromFile(fs.readFileSync(file, 'utf8'));
}

const article = (html: string) => /<article>[\s\S]*<\/article>/.exec(html)?.[0];
const slugs = fs
  .readdirSync('content/partners')
  .filter((name) => name.endsWith('.de.md'))
  .map((name) => name.replace('.de.md', ''));
const cases = slugs.flatMap((slug) => routing.locales.map((locale) => [slug, locale] as const));

describe('the web editor’s partner preview', () => {
  it.each(cases)('shows %s in %s exactly as the site’s partner page does', async (slug, locale) => {
    const partner = (await getPartner(locale, slug))!;
    const site = renderToStaticMarkup(await PartnerDetails({ partner }));
    const data = formData(`content/partners/${slug}.${locale}.md`);
    const preview = partnerPreviewHtml(data, locale, slug);
    expect(article(preview)).toBe(article(site));
    expect(article(site)).toContain(`>${partner.name}</h1>`);
  });

  it('renders and sanitizes the description as the site does', () => {
    const html = partnerPreviewHtml(
      {
        name: 'Beispiel',
        shortName: 'B',
        website: 'https://example.org',
        type: 'network',
        body: '# Titel\n\n<script>alert(1)</script>[Link](javascript:alert(1)) <img src=x onerror=alert(1)>',
      },
      'de',
      'beispiel',
    );
    expect(html).toContain('<h2>Titel</h2>');
    expect(html).not.toMatch(/<script|javascript:|onerror|<img/);
    expect(html).toContain('<h1 class=');
  });

  it('shows a partner while its website is still being typed, and marks a draft', () => {
    const html = partnerPreviewHtml({ name: 'Neu', website: 'https://', draft: true }, 'en', '');
    expect(html).toContain('>https://<span class="sr-only">');
    expect(html).toContain('>Draft</span>');
  });
});
