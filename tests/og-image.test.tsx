import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OgCard } from '@/components/og-card';
import { ogImageResponse } from '@/lib/site/og-image';

function pngSize(png: Buffer) {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the social card', () => {
  it('renders German text and a long name into a 1200×630 PNG without a network', async () => {
    const response = await ogImageResponse((icon) => (
      <OgCard
        icon={icon}
        siteName="Connective Cities"
        tagline="Partner"
        title="Arbeitsgemeinschaft der Straßen- und Überlandwerke für Öffentliche Daseinsvorsorge – Äußerst lange Namen e.V. mit noch mehr Wörtern"
        marks={['ÄÖÜ-ß']}
      />
    ));
    const png = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    fs.mkdirSync('tests/artifacts', { recursive: true });
    fs.writeFileSync('tests/artifacts/og-card-umlauts.png', png);
  }, 30_000);
});
