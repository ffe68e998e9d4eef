// 4. The popup with 1k / 10k / 100k papers: first list render, search keystrokes, heap; and the
// first load in parts (IndexedDB read, index build) to show where the time goes.
import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { heapOf, launch } from './browser';
import { median, pct, ratio, single, summary, type Result } from './stats';
import { FIRST_ROWS_KEY } from '../../lib/library/firstRows';

declare const chrome: typeof import('wxt/browser').browser;

const QUERIES = ['transformer attention', 'tag:ml graph', 'author:hint year:>2018'];

/**
 * Installed before the popup's scripts: times (from navigation start) the first list row, the frame
 * after it and the count line leaving "Loading library…"/"Indexing your library…" (search ready).
 * For each input event in the search box it times two things:
 * - `ms`, the work the keystroke causes before the browser may paint: the app's handler, Preact's
 *   render (a microtask, run as soon as the handler returns) and the style and layout of the
 *   result, forced from a microtask queued by a window listener, which runs after the input's own
 *   listeners;
 * - `frameMs`, the same event to the end of the next frame: a message posted from a
 *   requestAnimationFrame callback runs after that frame's paint. This adds the wait for the
 *   display's next frame (up to 16.7 ms at 60 Hz, whatever the app does) and the paint itself.
 *   (Until 2026-11-29 the keystroke figure was a message posted from the input event, which Chromium
 *   runs only after the next frame too: it measured this second thing.)
 */
function probe() {
  const b = (window.__popup = { firstRow: 0, firstFrame: 0, ready: 0, keys: [] as { ms: number; text: string }[], frames: [] as number[] });
  const mo = new MutationObserver(() => {
    if (!b.firstRow && document.querySelector('ul[aria-label="Saved papers"] > li')) {
      b.firstRow = performance.now();
      requestAnimationFrame(() => (b.firstFrame = performance.now()));
    }
    const count = document.getElementById('lib-results');
    if (!b.ready && count && !/Loading|Indexing/.test(count.textContent ?? '')) b.ready = performance.now();
    if (b.firstRow && b.ready) mo.disconnect();
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
  const isSearch = (e: Event) => e.target instanceof HTMLInputElement && e.target.type === 'search';
  let start = 0;
  addEventListener(
    'input',
    (e) => {
      if (!isSearch(e)) return;
      start = performance.now();
      const t = start;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => b.frames.push(performance.now() - t);
        ch.port2.postMessage(0);
      });
    },
    true,
  );
  addEventListener('input', (e) => {
    if (!isSearch(e)) return;
    const t = start;
    queueMicrotask(() => {
      void document.body.offsetHeight;
      b.keys.push({ ms: performance.now() - t, text: document.getElementById('lib-results')?.textContent ?? '' });
    });
  });
}

async function openPopup(page: Page, url: string, waitRow: boolean) {
  await page.setViewportSize({ width: 480, height: 600 });
  await page.goto(url);
  await page.waitForFunction((row) => window.__popup.ready > 0 && (!row || window.__popup.firstFrame > 0), waitRow, {
    timeout: 600_000,
    polling: 20,
  });
  return page.evaluate(() => ({ ...window.__popup, keys: undefined, frames: undefined }));
}

/** Types each query char by char (twice), waiting for each keystroke's two measurements. */
async function typeQueries(page: Page): Promise<{ work: number[]; frames: number[] }> {
  const box = page.getByRole('searchbox', { name: 'Search library' });
  const work: number[] = [];
  const frames: number[] = [];
  for (let rep = 0; rep < 2; rep++) {
    for (const q of QUERIES) {
      await box.fill('');
      await box.click();
      await page.evaluate(() => ((window.__popup.keys = []), (window.__popup.frames = [])));
      for (let i = 0; i < q.length; i++) {
        await page.keyboard.type(q[i]);
        await page.waitForFunction((n) => window.__popup.keys.length > n && window.__popup.frames.length > n, i, { polling: 'raf' });
      }
      const { keys, frameTimes } = await page.evaluate(() => ({ keys: window.__popup.keys, frameTimes: window.__popup.frames }));
      if (!/found/.test(keys.at(-1)!.text)) throw new Error(`search did not update: ${keys.at(-1)!.text}`);
      work.push(...keys.map((k) => k.ms));
      frames.push(...frameTimes);
    }
  }
  return { work, frames };
}

const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

export async function popupBench(extDir: string, helpers: string, sizes: number[]): Promise<Result[]> {
  const results: Result[] = [];
  const emptyReady: number[] = [];
  const floor: number[] = [];
  // The floor of any extension page that draws with script (MV3 pages run no inline script): one
  // line of module script writing a word, added to the benchmark's copy of the build only.
  writeFileSync(
    join(extDir, 'bench-floor.html'),
    '<!DOCTYPE html><meta charset="utf-8"><title>floor</title><script type="module" src="/bench-floor.js"></script><p id="out"></p>',
  );
  writeFileSync(
    join(extDir, 'bench-floor.js'),
    "document.getElementById('out').textContent = 'drawn'; requestAnimationFrame(() => (window.__floor = performance.now()));",
  );
  for (const size of sizes) {
    const s = await launch(extDir);
    try {
      const { context, extensionId } = s;
      // Extension pages share one process and heap: the first-run options page (which holds the
      // library once seeded) would be counted in the popup's heap.
      for (const p of context.pages()) if (p.url().startsWith('chrome-extension://')) await p.close();
      const popupUrl = `chrome-extension://${extensionId}/popup.html`;
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await options.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'papershelf'));
      await context.addInitScript(probe);
      const opens = size >= 100_000 ? 3 : 5;
      if (!emptyReady.length) {
        for (let i = 0; i < opens; i++) {
          const page = await context.newPage();
          emptyReady.push((await openPopup(page, popupUrl, false)).ready);
          await page.close();
        }
        for (let i = 0; i < opens; i++) {
          const page = await context.newPage();
          await page.setViewportSize({ width: 480, height: 600 });
          await page.goto(`chrome-extension://${extensionId}/bench-floor.html`);
          floor.push(
            await page
              .waitForFunction(() => (window as unknown as { __floor?: number }).__floor, undefined, { polling: 20 })
              .then((h) => h.jsonValue() as Promise<number>),
          );
          await page.close();
        }
        results.push(summary('popup, empty library: navigation → library ready (baseline)', emptyReady, 'ms'));
        results.push(summary('extension page with one line of module script: navigation → drawn frame (floor)', floor, 'ms'));
      }
      await options.evaluate(helpers);
      const t = Date.now();
      const seeded = await options.evaluate((n) => window.__benchPage.seed(n), size);
      console.error(`  seeded ${seeded} papers in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      await options.close();

      const frames: number[] = [];
      const ready: number[] = [];
      // Each open is paired with one where no first rows are stored (as if they could not be
      // kept, so the rows wait for IndexedDB), in the same conditions: what the stored rows save.
      const cold: number[] = [];
      let last: Page | undefined;
      for (let i = 0; i < opens; i++) {
        await last?.close();
        await s.background!.evaluate((key) => chrome.storage.session.remove(key), FIRST_ROWS_KEY);
        const c = await context.newPage();
        await c.setViewportSize({ width: 480, height: 600 });
        await c.goto(popupUrl);
        cold.push(await c.waitForFunction(() => window.__popup.firstFrame, undefined, { timeout: 120_000, polling: 20 }).then((h) => h.jsonValue()));
        // That popup stores the rows again once IndexedDB has answered.
        await c.waitForFunction((key) => chrome.storage.session.get(key).then((got) => Array.isArray(got[key])), FIRST_ROWS_KEY, { polling: 50 });
        await c.close();
        last = await context.newPage();
        const r = await openPopup(last, popupUrl, true);
        frames.push(r.firstFrame);
        ready.push(r.ready);
      }
      const page = last!;
      const heap = await heapOf(page);
      const { work: keys, frames: keyFrames } = await typeQueries(page);
      await page.evaluate(helpers);
      const prof = await page.evaluate(() => window.__benchPage.profile());
      if (prof.count !== size) throw new Error(`popup profile saw ${prof.count} papers, expected ${size}`);
      const n = label(size);
      results.push(
        summary(`popup ${n}: navigation → first row visible`, frames, 'ms', 'lower', size === 10_000 ? 150 : undefined),
        ratio(`popup ${n}: first row ÷ empty-library ready`, frames, emptyReady.slice(0, frames.length)),
        ratio(`popup ${n}: first row ÷ floor (one-line script page)`, frames, floor.slice(0, frames.length), size === 10_000 ? 1.3 : undefined),
        summary(`popup ${n}: navigation → search ready (index built)`, ready, 'ms'),
        { ...summary(`popup ${n}: search keystroke p50`, keys, 'ms'), value: median(keys) },
        {
          ...summary(`popup ${n}: search keystroke p95`, keys, 'ms', 'lower', size === 10_000 ? 16 : size === 100_000 ? 40 : undefined),
          value: pct(keys, 0.95),
        },
        { ...summary(`popup ${n}: search keystroke → end of next frame (incl. vsync wait), p50`, keyFrames, 'ms'), value: median(keyFrames) },
        { ...summary(`popup ${n}: search keystroke → end of next frame (incl. vsync wait), p95`, keyFrames, 'ms'), value: pct(keyFrames, 0.95) },
        single(`popup ${n}: JS heap after load`, heap / 2 ** 20, 'MB', 'lower', size === 100_000 ? 150 : undefined),
        single(`popup ${n}: profile — read all records (IndexedDB getAll)`, prof.readMs, 'ms'),
        single(`popup ${n}: profile — createSearchIndex`, prof.indexMs, 'ms'),
      );
      await page.close();

      results.push(
        summary(`popup ${n}: navigation → first row visible, without stored first rows (IndexedDB only)`, cold, 'ms'),
        ratio(`popup ${n}: first row ÷ first row without stored first rows`, frames, cold),
      );
    } finally {
      await s.context.close();
    }
  }
  return results;
}
