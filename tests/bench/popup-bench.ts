// 4. The popup with 1k / 10k / 100k papers: first list render, search keystrokes, heap; and the
// first load in parts (IndexedDB read, index build) to show where the time goes.
import type { Page } from '@playwright/test';
import { heapOf, launch } from './browser';
import { median, pct, ratio, single, summary, type Result } from './stats';


const QUERIES = ['transformer attention', 'tag:ml graph', 'author:hint year:>2018'];

/**
 * Installed before the popup's scripts: times (from navigation start) the first list row, the frame
 * after it and the count line leaving "Loading library…"/"Indexing your library…" (search ready); and for each input event in the search
 * box, the time from the event to the end of the work it caused — handler, Preact's (microtask)
 * render and a forced style/layout — measured with a MessageChannel task queued behind it.
 */
function probe() {
  const b = (window.__popup = { firstRow: 0, firstFrame: 0, ready: 0, keys: [] as { ms: number; text: string }[] });
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
  addEventListener(
    'input',
    (e) => {
      if (!(e.target instanceof HTMLInputElement) || e.target.type !== 'search') return;
      const t = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        void document.body.offsetHeight;
        b.keys.push({ ms: performance.now() - t, text: document.getElementById('lib-results')?.textContent ?? '' });
      };
      ch.port2.postMessage(0);
    },
    true,
  );
}

async function openPopup(page: Page, url: string, waitRow: boolean) {
  await page.setViewportSize({ width: 480, height: 600 });
  await page.goto(url);
  await page.waitForFunction((row) => window.__popup.ready > 0 && (!row || window.__popup.firstFrame > 0), waitRow, { timeout: 600_000, polling: 20 });
  return page.evaluate(() => ({ ...window.__popup, keys: undefined }));
}

/** Types each query char by char (twice), waiting for each keystroke's measurement. */
async function typeQueries(page: Page): Promise<number[]> {
  const box = page.getByRole('searchbox', { name: 'Search library' });
  const times: number[] = [];
  for (let rep = 0; rep < 2; rep++) {
    for (const q of QUERIES) {
      await box.fill('');
      await box.click();
      await page.evaluate(() => (window.__popup.keys = []));
      for (let i = 0; i < q.length; i++) {
        await page.keyboard.type(q[i]);
        await page.waitForFunction((n) => window.__popup.keys.length > n, i, { polling: 'raf' });
      }
      const keys = await page.evaluate(() => window.__popup.keys);
      if (!/found/.test(keys.at(-1)!.text)) throw new Error(`search did not update: ${keys.at(-1)!.text}`);
      times.push(...keys.map((k) => k.ms));
    }
  }
  return times;
}

const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

export async function popupBench(extDir: string, helpers: string, sizes: number[]): Promise<Result[]> {
  const results: Result[] = [];
  const emptyReady: number[] = [];
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
        results.push(summary('popup, empty library: navigation → library ready (baseline)', emptyReady, 'ms'));
      }
      await options.evaluate(helpers);
      const t = Date.now();
      const seeded = await options.evaluate((n) => window.__benchPage.seed(n), size);
      console.error(`  seeded ${seeded} papers in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      await options.close();

      const frames: number[] = [];
      const ready: number[] = [];
      let last: Page | undefined;
      for (let i = 0; i < opens; i++) {
        await last?.close();
        last = await context.newPage();
        const r = await openPopup(last, popupUrl, true);
        frames.push(r.firstFrame);
        ready.push(r.ready);
      }
      const page = last!;
      const heap = await heapOf(page);
      const keys = await typeQueries(page);
      await page.evaluate(helpers);
      const prof = await page.evaluate(() => window.__benchPage.profile());
      if (prof.count !== size) throw new Error(`popup profile saw ${prof.count} papers, expected ${size}`);
      const n = label(size);
      results.push(
        summary(`popup ${n}: navigation → first row visible`, frames, 'ms', 'lower', size === 10_000 ? 150 : undefined),
        ratio(`popup ${n}: first row ÷ empty-library ready`, frames, emptyReady.slice(0, frames.length)),
        summary(`popup ${n}: navigation → search ready (index built)`, ready, 'ms'),
        { ...summary(`popup ${n}: search keystroke p50`, keys, 'ms'), value: median(keys) },
        { ...summary(`popup ${n}: search keystroke p95`, keys, 'ms', 'lower', size === 10_000 ? 16 : size === 100_000 ? 60 : undefined), value: pct(keys, 0.95) },
        single(`popup ${n}: JS heap after load`, heap / 2 ** 20, 'MB'),
        single(`popup ${n}: profile — read all records (IndexedDB getAll)`, prof.readMs, 'ms'),
        single(`popup ${n}: profile — createSearchIndex`, prof.indexMs, 'ms'),
      );
      await page.close();
    } finally {
      await s.context.close();
    }
  }
  return results;
}
