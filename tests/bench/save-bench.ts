// 5. Saving 100 listing entries at once, until the write has committed: the background's `save`
// command (as the content script and popup send it), and `Save all` in the popup, end to end.
// Baseline: one raw IndexedDB transaction putting the same 100 records, in the same page.
import { launch, serve, tabIdOf } from './browser';
import { arxivListing } from './listing';
import { ratio, summary, type Result } from './stats';
import type { PaperMeta } from '../../lib/paper/schema';

declare const chrome: typeof import('wxt/browser').browser;

const URL_100 = 'https://arxiv.org/list/cs.CL/new';

export async function saveBench(extDir: string, helpers: string, runs: number): Promise<Result[]> {
  const s = await launch(extDir);
  try {
    const { context, background, extensionId } = s;
    await serve(context, URL_100, arxivListing(100, { seed: 5 }));
    const listing = await context.newPage();
    await listing.goto(URL_100);
    await listing.waitForFunction(() => window.__bench.all > 0);
    const tabId = await tabIdOf(background!, listing);
    // The first controls come at DOMContentLoaded, the report of every paper after the rest are
    // placed (after the load event): wait for the background to hold all 100.
    const papers = await background!.evaluate(async (key) => {
      for (let waited = 0; ; waited += 50) {
        const got = await chrome.storage.session.get(key);
        const list = (got[key] as { papers: PaperMeta[] } | undefined)?.papers ?? [];
        if (list.length >= 100 || waited > 10_000) return list;
        await new Promise((r) => setTimeout(r, 50));
      }
    }, `tab:${tabId}`);
    if (papers.length !== 100) throw new Error(`expected 100 detected papers, got ${papers.length}`);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'papershelf'));
    await options.evaluate(helpers);
    const command: number[] = [];
    const raw: number[] = [];
    for (let i = -1; i < runs; i++) {
      const r = await options.evaluate(async (metas) => {
        await window.__benchPage.clear();
        const t = performance.now();
        const reply = await chrome.runtime.sendMessage<unknown, { saved?: string[]; error?: string }>({ type: 'save', papers: metas });
        const ms = performance.now() - t;
        if (reply.saved?.length !== metas.length) throw new Error(`save replied ${JSON.stringify(reply).slice(0, 200)}`);
        const records = await window.__benchPage.getAll();
        await window.__benchPage.clear();
        return { ms, rawMs: await window.__benchPage.put(records) };
      }, papers);
      if (i < 0) continue;
      command.push(r.ms);
      raw.push(r.rawMs);
    }
    await options.evaluate(() => window.__benchPage.clear());
    await options.close();

    // Save all in the popup of that tab: from the click to "100 saved" in the popup's list.
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 480, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await popup.evaluate(helpers);
    const button = popup.getByRole('button', { name: 'Save all' });
    const ui: number[] = [];
    for (let i = -1; i < runs; i++) {
      await popup
        .waitForFunction(() => /100 papers · 0 saved/.test(document.querySelector('.page-list .result-count')?.textContent ?? ''), undefined, {
          timeout: 60_000,
        })
        .catch(async (e: unknown) => {
          throw new Error(
            `popup never showed "100 papers · 0 saved": ${(await popup.locator('body').innerText()).slice(0, 600)} — records in the database: ${(await popup.evaluate(() => window.__benchPage.getAll())).length}`,
            { cause: e },
          );
        });
      await popup.evaluate(() => {
        const b = (window.__save = { t0: 0, t1: 0 });
        addEventListener('click', () => (b.t0 ||= performance.now()), { capture: true, once: true });
        const mo = new MutationObserver(() => {
          if (document.querySelector('.page-list .result-count')?.textContent?.includes('100 saved')) {
            b.t1 = performance.now();
            mo.disconnect();
          }
        });
        mo.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      await button.click();
      await popup.waitForFunction(() => window.__save.t1 > 0);
      const t = await popup.evaluate(() => window.__save.t1 - window.__save.t0);
      if (i >= 0) ui.push(t);
      // Through the background's Dexie: a raw IndexedDB clear would not reach the popup's live queries.
      await popup.evaluate(
        async (keys) => {
          await chrome.runtime.sendMessage({ type: 'remove', keys });
        },
        papers.map((p) => p.key),
      );
    }
    return [
      summary('save 100 entries: background `save` command → committed', command, 'ms', 'lower', 100),
      summary('save 100 entries: raw IndexedDB put, one transaction (baseline)', raw, 'ms'),
      ratio('save 100 entries: command ÷ raw put', command, raw, 2),
      summary('save 100 entries: popup `Save all` click → "100 saved" shown', ui, 'ms', 'lower', 100),
    ];
  } finally {
    await s.context.close();
  }
}
