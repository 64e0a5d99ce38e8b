// Generates N valid partners in both locales (realistic text lengths) for tests and benchmarks.
import fs from 'node:fs';
import path from 'node:path';
import { partnerTypes } from '../../lib/content/schema';

const words = {
  de: 'Stadt Kommune Verwaltung Netzwerk Austausch Entwicklung nachhaltige internationale Zusammenarbeit Praxis Erfahrung Infrastruktur Wasser Energie Verkehr Planung Forschung Bildung Beteiligung Bürgerinnen Bürger lokale Regierungen Projekte Partner fördert unterstützt verbindet stärkt weltweit regionale Daseinsvorsorge Fachkräfte Wissen'.split(
    ' ',
  ),
  en: 'city municipality administration network exchange development sustainable international cooperation practice experience infrastructure water energy transport planning research education participation citizens local governments projects partners promotes supports connects strengthens worldwide regional services professionals knowledge'.split(
    ' ',
  ),
};

function sentence(locale: 'de' | 'en', seed: number, length: number): string {
  const list = words[locale];
  const picked = Array.from({ length }, (_, i) => list[(seed * 7 + i * 13 + i * i) % list.length]!);
  const text = picked.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(locale: 'de' | 'en', seed: number, sentences: number): string {
  return Array.from({ length: sentences }, (_, i) =>
    sentence(locale, seed + i, 9 + ((seed + i) % 8)),
  ).join(' ');
}

export function partnerFile(
  locale: 'de' | 'en',
  i: number,
  extra: Record<string, unknown> = {},
): string {
  const label =
    locale === 'de'
      ? ['Verband', 'Plattform', 'Netzwerk', 'Institut']
      : ['Association', 'Platform', 'Network', 'Institute'];
  const type = partnerTypes[i % partnerTypes.length]!;
  const name = `${sentence(locale, i, 3).slice(0, -1)} ${label[i % 4]} ${i + 1}`;
  const fields: Record<string, unknown> = {
    name: JSON.stringify(name),
    shortName: `P${i + 1}`,
    summary: JSON.stringify(`${paragraph(locale, i, 2)}`.slice(0, 180).replace(/\s+\S*$/, '.')),
    website: `https://partner-${i + 1}.example.org`,
    type,
    order: i + 1,
    founded: 1900 + (i % 120),
    seat: locale === 'de' ? 'Köln' : 'Cologne',
    figuresAsOf: 2024,
    ...extra,
  };
  const front = Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  const body = [paragraph(locale, i, 6), paragraph(locale, i + 3, 5)].join('\n\n');
  return `---\n${front}\n---\n\n${body}\n`;
}

/** Writes content/ with the real site pages (header, statements, imprint, privacy notice) and `count` generated partners into `dir`. */
export function generateContent(dir: string, count: number, { drafts = 0 } = {}): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'partners'), { recursive: true });
  for (const locale of ['de', 'en'] as const) {
    for (const page of ['header', 'accessibility', 'imprint', 'privacy']) {
      const name = `${page}.${locale}.md`;
      fs.copyFileSync(path.join('content', name), path.join(dir, name));
    }
    for (let i = 0; i < count; i++) {
      const draft = i >= count - drafts ? { draft: true } : {};
      const slug = `partner-${String(i + 1).padStart(4, '0')}`;
      fs.writeFileSync(
        path.join(dir, 'partners', `${slug}.${locale}.md`),
        partnerFile(locale, i, draft),
      );
    }
  }
}
