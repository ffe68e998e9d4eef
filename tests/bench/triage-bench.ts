// Daily triage on the generated 2,000-entry arXiv listing (issue 17):
//  - scrolling top to bottom with the seen ledger on: the longest main-thread task (target 50 ms);
//  - the ledger's main-thread cost per 100 entries recorded (target 2 ms): renderer script time of
//    the same slow scroll with the ledger on minus with it off (CDP Performance.getMetrics), over
//    the entries recorded (measured once the marks are painted, until the last batch is sent);
//  - the first controls with the ledger on ÷ off (the New marks must not delay them);
//  - a ledger of 200,000 entries: one listing's look-up of 2,000 keys (target 30 ms), as the
//    round trip of the seenLookup message from an extension page.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launch } from './browser';
import { arxivListing } from './listing';
import { ratio, summary, type Result } from './stats';

declare const chrome: typeof import('wxt/browser').browser;

const URL_2000 = 'http://arxiv.org/list/cs.LG/pastweek?skip=0&show=2000';
/** Screens read slowly (1.2 s each, so that their entries count as seen) for the cost row. */
const SLOW_SCREENS = 25;

const setLedger = (bg: Worker, on: boolean) =>
  bg.evaluate(async (v) => {
    const cur = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    await chrome.storage.local.set({ settings: { ...cur, seenLedger: v } });
  }, on);

/** Empties the ledger through the extension (its key index in memory too), from an extension page. */
const clearLedger = (page: Page) => page.evaluate(() => chrome.runtime.sendMessage({ type: 'clearSeen' }));

/** Counts the ledger's records (raw IndexedDB in the service worker, beside the extension's own connection). */
const ledgerCount = (bg: Worker, clear: boolean) =>
  bg.evaluate(
    (clear) =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('papershelf-seen');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('seen')) return resolve(0);
          const tx = db.transaction(['seen', 'dismissed'], clear ? 'readwrite' : 'readonly');
          if (clear) {
            tx.objectStore('seen').clear();
            tx.objectStore('dismissed').clear();
          }
          const n = tx.objectStore('seen').count();
          tx.oncomplete = () => resolve(n.result);
        };
      }),
    clear,
  );

/** Whether the key index's snapshot is in the ledger (written once a rebuild is done). */
const snapshotWritten = (bg: Worker) =>
  bg.evaluate(
    () =>
      new Promise<boolean>((resolve, reject) => {
        const req = indexedDB.open('papershelf-seen');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('snapshot')) return resolve(false);
          const q = db.transaction('snapshot').objectStore('snapshot').count();
          q.onsuccess = () => resolve(q.result > 0);
        };
      }),
  );

async function loaded(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => w.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(URL_2000, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => window.__bench.all > 0, undefined, { timeout: 120_000, polling: 50 });
  return page;
}

async function scriptMs(page: Page, run: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const get = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  const before = await get();
  await run();
  const after = await get();
  await cdp.detach();
  return after - before;
}

export async function triageBench(extDir: string, runs: number): Promise<Result[]> {
  const html = arxivListing(2000, { abstracts: false });
  const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const rules = [`--host-resolver-rules=MAP arxiv.org 127.0.0.1:${(server.address() as AddressInfo).port}, MAP * ~NOTFOUND`];
  const ext = await launch(extDir, rules, false);
  const bg = ext.background!;
  const extPage = await ext.context.newPage();
  await extPage.goto(`chrome-extension://${ext.extensionId}/options.html`);
  try {
    const longest: number[] = [];
    const costPer100: number[] = [];
    const firstOn: number[] = [];
    const firstOff: number[] = [];
    for (let i = -1; i < runs; i++) {
      const times: Record<'on' | 'off', number> = { on: 0, off: 0 };
      let recorded = 0;
      for (const mode of i % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
        await setLedger(bg, mode === 'on');
        await clearLedger(extPage);
        const page = await loaded(ext.context);
        (mode === 'on' ? firstOn : firstOff).push(
          await page.evaluate(
            () => window.__bench.all - (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
          ),
        );
        // The marks' pass over the listing (both modes; the New marks have their own row) is done
        // before the cost of recording is measured: every control has its Dismiss button.
        await page.waitForFunction(
          () => [...document.querySelectorAll('[data-papershelf-key]')].every((h) => h.shadowRoot?.querySelector('.dismiss')),
          undefined,
          { timeout: 120_000, polling: 200 },
        );
        // Slow part: entries on screen long enough to be seen, then recorded in batches; the
        // window ends after the last batch has gone (lib/inline/triage.ts FLUSH_MS, 10 s).
        times[mode] = await scriptMs(page, async () => {
          for (let s = 0; s < SLOW_SCREENS; s++) {
            await page.mouse.wheel(0, 800);
            await page.waitForTimeout(1200);
          }
          await page.waitForTimeout(11_000);
        });
        if (mode === 'on') {
          recorded = await ledgerCount(bg, false);
          // Fast part: to the bottom in wheel steps, a frame apart; the longest task of the whole load and scroll.
          await page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));
          for (let y = 0; y < 40; y++) {
            await page.mouse.wheel(0, 8000);
            await page.waitForTimeout(16);
          }
          await page.waitForTimeout(3000);
          longest.push(await page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long)));
        }
        await page.close();
        await new Promise((r) => setTimeout(r, 1000));
      }
      if (i < 0) continue;
      if (recorded) costPer100.push(((times.on - times.off) / recorded) * 100);
    }

    // A ledger of 200,000 entries, written in the service worker beside the extension (as a
    // ledger of version 1 would be: no key index snapshot, so the first look-up rebuilds it and is
    // left out); looked up from an extension page.
    await setLedger(bg, true);
    await clearLedger(extPage);
    await bg.evaluate(
      (n) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('papershelf-seen');
          req.onsuccess = () => {
            const tx = req.result.transaction('seen', 'readwrite');
            const store = tx.objectStore('seen');
            for (let i = 0; i < n; i++) {
              const key = `arxiv:24${String(i).padStart(7, '0')}`;
              store.put({
                key,
                aliases: [`doi:10.48550/x.${i}`],
                first: i,
                last: i,
                firstWhere: 'arxiv.org/list',
                lastWhere: 'arxiv.org/list',
                count: 1,
                title: `Paper ${i}`,
                authors: ['A. Author'],
              });
            }
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      200_000,
    );
    const options = extPage;
    const lookups: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const ms = await options.evaluate(async (offset) => {
        // Half of the keys in the ledger, half not (a listing of the day, partly seen).
        const keys = Array.from({ length: 2000 }, (_, j) =>
          j % 2 ? `arxiv:24${String(offset + j * 97).padStart(7, '0')}` : `arxiv:2501.${String(j).padStart(5, '0')}`,
        );
        const t = performance.now();
        const r: { seen: string[] } = await chrome.runtime.sendMessage({ type: 'seenLookup', keys });
        const ms = performance.now() - t;
        // An honest figure is a right answer: every second key is in the ledger.
        if (r.seen.length !== 1000) throw new Error(`seenLookup: ${r.seen.length} of 2,000 keys seen, expected 1,000`);
        return ms;
      }, i * 13);
      if (i > 0) lookups.push(ms);
      else {
        // The first look-up is answered from the tables while the key index is rebuilt; the
        // figure is the index's, once its snapshot is written (lib/triage/store.ts).
        const t = Date.now();
        while (!(await snapshotWritten(bg))) await new Promise((r) => setTimeout(r, 250));
        console.log(`triage: first look-up (from the tables) ${ms.toFixed(0)} ms; key index rebuilt in ≈ ${Date.now() - t} ms more`);
      }
    }
    return [
      summary('triage: scroll 2,000-entry listing top to bottom, longest main-thread task', longest, 'ms', 'lower', 50),
      summary('triage: ledger main-thread script time per 100 entries recorded', costPer100, 'ms', 'lower', 2),
      ratio('triage: every control present, ledger on ÷ off', firstOn, firstOff),
      summary('triage: ledger 200,000, seenLookup of 2,000 keys (round trip from an extension page)', lookups, 'ms', 'lower', 30),
    ];
  } finally {
    await ext.context.close();
    server.close();
  }
}
