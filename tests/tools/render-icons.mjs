// Renders the toolbar icons (public/icon/<size>.png and the greyed <size>-off.png) from the SVG
// drawn below, in Chromium, at each size. Run: node tests/tools/render-icons.mjs
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = join(import.meta.dirname, '../../public/icon');
const SIZES = [16, 19, 32, 38, 48, 96, 128];

/** Small sizes drop the text lines, which would blur into grey at 16 px. */
function svg(size, off) {
  const bg = off ? '#8b95a7' : '#2457c5';
  const ribbon = off ? '#d5dae3' : '#f6b60b';
  const lines =
    size >= 48
      ? '<rect x="44" y="66" width="38" height="6" rx="3" fill="#c9d5ee"/><rect x="44" y="78" width="38" height="6" rx="3" fill="#c9d5ee"/><rect x="44" y="90" width="26" height="6" rx="3" fill="#c9d5ee"/>'
      : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="28" fill="${bg}"/>
  <rect x="26" y="30" width="60" height="80" rx="8" fill="#ffffff" opacity="0.45" transform="rotate(-8 56 70)"/>
  <rect x="34" y="22" width="60" height="84" rx="8" fill="#ffffff"/>
  ${lines}
  <path d="M70 22 h18 v38 l-9 -8 l-9 8 z" fill="${ribbon}"/>
</svg>`;
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const off of [false, true]) {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg(size, off)}`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    writeFileSync(join(OUT, `${size}${off ? '-off' : ''}.png`), png);
  }
  writeFileSync(join(OUT, `icon${off ? '-off' : ''}.svg`), svg(128, off));
}
await browser.close();
console.log(`icons written to ${OUT}`);
