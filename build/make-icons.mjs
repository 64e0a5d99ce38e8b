// Renders app/icon.svg into the raster icons (favicon.ico, apple-icon.png, the manifest's PNGs).
// Run after changing the SVG: node build/make-icons.mjs (needs Chromium at /usr/bin/chromium).
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const svg = fs.readFileSync('app/icon.svg', 'utf8');
// Apple and Android crop icons themselves, so those get the square without rounded corners.
const square = svg.replace(/ rx="\d+"/, '');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
async function render(source, size) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const src = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
  await page.setContent(
    `<body style="margin:0"><img src="${src}" width="${size}" height="${size}">`,
  );
  const png = await page.screenshot({ omitBackground: true });
  await page.close();
  return png;
}

/** An ICO file whose images are PNGs (supported by every browser since IE 9). */
function ico(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map(({ png }) => png)]);
}

const favicon = await Promise.all(
  [16, 32, 48].map(async (size) => ({ size, png: await render(svg, size) })),
);
fs.writeFileSync('app/favicon.ico', ico(favicon));
fs.writeFileSync('app/apple-icon.png', await render(square, 180));
fs.writeFileSync('public/icon-192.png', await render(square, 192));
fs.writeFileSync('public/icon-512.png', await render(square, 512));
await browser.close();
