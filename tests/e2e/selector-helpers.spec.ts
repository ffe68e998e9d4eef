// qs/qsa (lib/detect/select.ts) against Chromium's own querySelector(All), in Chromium: the unit
// tests run in happy-dom, whose element-scoped queries differ from the standard in places.
import { chromium, expect, test } from '@playwright/test';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SELECTORS = [
  '.list-authors a',
  '.list-title, .list-authors',
  'dd > div .list-title',
  'a[title="Abstract"], a[href*="/abs/"]',
  'a[href*="a b"] , span',
  'div.meta > div + div',
  'div ~ p',
  'span:not(.descriptor) a',
  'li .title, p.authors a',
  'nav a[href]',
  ':scope > a',
  'a',
  'div p',
  'li.entry .title',
  'cite .title',
  'nav.publ li a[href*="doi.org"]',
  'div > a, p.x  a , span',
  'dd a:nth-child(2)',
  'dt   a[href] ',
  'div:has(> a) a',
  'a[title="a > b"] ~ a, li > a',
  '*:not(dl) span',
];

test('qs/qsa find exactly what Chromium finds, under every element of listing fixtures', async () => {
  const code = (
    await build({ entryPoints: [join(ROOT, 'lib/detect/select.ts')], bundle: true, format: 'iife', globalName: 'papershelfSelect', write: false })
  ).outputFiles[0].text;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    for (const fixture of ['arxiv/list-new.html', 'arxiv/search.html', 'dblp/person.html', 'pubmed/search.html', 'googlescholar/search.html']) {
      const html = readFileSync(join(ROOT, 'tests/fixtures', fixture), 'utf8').replace(/<script\b[\s\S]*?<\/script>/gi, '');
      await page.setContent(html, { waitUntil: 'domcontentloaded' });
      await page.addScriptTag({ content: code });
      const { compared, wrong } = await page.evaluate((sels) => {
        const { qs, qsa } = (window as unknown as { papershelfSelect: typeof import('../../lib/detect/select') }).papershelfSelect;
        let compared = 0;
        const wrong = new Set<string>();
        for (const root of [document, ...document.querySelectorAll('*')]) {
          for (const sel of sels) {
            const ours = qsa(root, sel);
            const native = [...root.querySelectorAll(sel)];
            if (ours.length !== native.length || ours.some((el, i) => el !== native[i]) || qs(root, sel) !== root.querySelector(sel)) wrong.add(sel);
            compared++;
          }
        }
        return { compared, wrong: [...wrong] };
      }, SELECTORS);
      expect(wrong, fixture).toEqual([]);
      expect(compared, fixture).toBeGreaterThan(500);
    }
  } finally {
    await browser.close();
  }
});
