import fs from 'node:fs/promises';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import type { ReactElement } from 'react';
import { readSiteIcon } from './icon';

export const ogImageSize = { width: 1200, height: 630 };

// Fonts from a package, not a CDN: builds have no network. Geist covers Latin (umlauts, ß, –).
async function readAssets() {
  const root = /*turbopackIgnore: true*/ process.cwd();
  const font = (weight: number) =>
    path.join(
      root,
      'node_modules/@fontsource/geist-sans/files',
      `geist-sans-latin-${weight}-normal.woff`,
    );
  const [regular, bold, icon] = await Promise.all([
    fs.readFile(font(400)),
    fs.readFile(font(700)),
    readSiteIcon(),
  ]);
  return {
    fonts: [
      { name: 'Geist', data: regular, weight: 400 as const, style: 'normal' as const },
      { name: 'Geist', data: bold, weight: 700 as const, style: 'normal' as const },
    ],
    icon: `data:image/svg+xml;base64,${Buffer.from(icon).toString('base64')}`,
  };
}

let assets: ReturnType<typeof readAssets> | undefined;

/** A 1200×630 PNG of `render(icon)`, where `icon` is the site icon as a data URL. */
export async function ogImageResponse(
  render: (icon: string) => ReactElement,
): Promise<ImageResponse> {
  const { fonts, icon } = await (assets ??= readAssets());
  return new ImageResponse(render(icon), { ...ogImageSize, fonts });
}
