/**
 * Draws the toolbar and store icons (public/icon/16|32|48|128.png) from one SVG with Chromium, so
 * they can be redrawn after a change: `npx tsx scripts/icons.ts`. The mark: three rising bars
 * under a target line, on the target's violet from the kind table.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { KIND_META } from '../lib/kinds';

const SIZES = [16, 32, 48, 128];
const OUT = resolve(import.meta.dirname, '../public/icon');

/** At 16 px the bars are wider and fewer details are drawn, so the mark stays crisp. */
function svg(size: number): string {
  const small = size <= 16;
  const bar = small ? 26 : 20;
  const gap = small ? 8 : 12;
  const left = (128 - 3 * bar - 2 * gap) / 2;
  const heights = [38, 58, 80];
  const bars = heights
    .map((h, i) => `<rect x="${left + i * (bar + gap)}" y="${108 - h}" width="${bar}" height="${h}" rx="${small ? 2 : 3}" fill="#ffffff"/>`)
    .join('');
  const line = small ? '' : `<line x1="18" y1="20" x2="110" y2="20" stroke="#ffffff" stroke-width="7" stroke-dasharray="14 9" stroke-linecap="round"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
<rect x="0" y="0" width="128" height="128" rx="${small ? 20 : 26}" fill="${KIND_META.target.text.light}"/>${line}${bars}</svg>`;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
    await page.locator('svg').screenshot({ path: join(OUT, `${size}.png`), omitBackground: true });
  }
  await browser.close();
}

void main();
