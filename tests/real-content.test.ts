import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load';

// CI copies ../shared beside the clone; a committed copy keeps the test meaningful without it.
const sharedSeed = path.resolve(process.cwd(), '../shared/seed/partner-page.de.txt');
const committedSeed = path.resolve(process.cwd(), 'tests/fixtures/seed/partner-page.de.txt');
const seedFile = fs.existsSync(sharedSeed) ? sharedSeed : committedSeed;
const seed = fs.readFileSync(seedFile, 'utf8').split('\n').filter(Boolean);

const content = loadContent('content', { includeDrafts: false });
const slugs = ['vku', 'use', 'uclg', 'difu'];
const proverb = seed[0]!.replace(/^"|"$/g, '');

describe('the real content', () => {
  it.runIf(fs.existsSync(sharedSeed))('has a committed seed copy equal to the shared one', () => {
    expect(fs.readFileSync(committedSeed, 'utf8')).toBe(fs.readFileSync(sharedSeed, 'utf8'));
  });

  it('has all four partners in both locales, in the order of the source', () => {
    expect(content.partners.de.map((p) => p.slug)).toEqual(slugs);
    expect(content.partners.en.map((p) => p.slug)).toEqual(slugs);
  });

  it.each(slugs.map((slug, i) => [slug, i] as const))(
    'carries the German source text of %s byte for byte',
    (slug, i) => {
      const source = seed[seed.length - slugs.length + i]!;
      const body = fs
        .readFileSync(`content/partners/${slug}.de.md`, 'utf8')
        .split(/^---$/m)[2]!
        .trim();
      expect(body).toBe(source);
    },
  );

  it('quotes the proverb once, without quotation marks, and the intro as in the source', () => {
    expect(content.headers.de.quote).toBe(proverb);
    expect(content.headers.de.attribution).toBe(seed[1]);
    const intro = fs.readFileSync('content/header.de.md', 'utf8').split(/^---$/m)[2]!.trim();
    expect(intro).toBe(seed.find((line) => line.startsWith('Um sein Expertennetzwerk')));
    const german = ['content/header.de.md', ...slugs.map((s) => `content/partners/${s}.de.md`)]
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    expect(german.split(proverb)).toHaveLength(2);
  });

  it('has English summaries that differ from the German ones', () => {
    for (const [i, de] of content.partners.de.entries()) {
      const en = content.partners.en[i]!;
      expect(en.slug).toBe(de.slug);
      expect(en.summary).not.toBe(de.summary);
      expect(en.html).not.toBe(de.html);
    }
  });
});
