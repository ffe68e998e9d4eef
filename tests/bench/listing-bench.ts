// 2. Detection + inline controls on a generated 2,000-entry arXiv listing, and
// 3. the page-load overhead of the extension on that listing (with vs without, same HTML), on the
//    bare page and on a realistic copy of arXiv's page with its subresources (listing-real.ts);
//    long main-thread tasks running the extension's code; a click on the page's own link.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launch, tabIdOf } from './browser';
import { arxivListing } from './listing';
import { arxivRealSite, latencyOf } from './listing-real';
import { longTasksOf } from './longtasks';
import { median, ratio, summary, type Result } from './stats';

// Plain http at arXiv's name (the content script matches *://*.arxiv.org/*), answered by a local
// server: the browser resolves arxiv.org to it and every other name to nothing (no network).
// No Playwright routes either: fulfilled responses are not how pages arrive (each would cross
// to this process and back), and the realistic page's latency is the server's own delay.
const URL_2000 = 'http://arxiv.org/list/cs.LG/pastweek?skip=0&show=2000';
const URL_REAL = 'http://arxiv.org/list/cs.LG/recent?skip=0&show=2000';
const COUNT = 2000;

interface Load {
  dcl: number;
  dclEnd: number;
  load: number;
  first: number;
  all: number;
  /** When every entry of the first viewport had its control (page time). */
  viewport: number;
  viewportEntries: number;
}

async function loadOnce(context: BrowserContext, url: string, waitControls: boolean): Promise<{ page: Page; t: Load }> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  if (waitControls) await page.waitForFunction(() => window.__bench.all > 0, undefined, { timeout: 120_000, polling: 100 });
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    // The entries (dt and its dd) the first screen shows, and their controls' arrival times.
    const inView = (e: Element | null) => {
      const r = e?.getBoundingClientRect();
      return !!r && r.bottom > 0 && r.top < innerHeight;
    };
    let viewport = 0;
    let viewportEntries = 0;
    if (scrollY !== 0) throw new Error('the page is scrolled: no first viewport to measure');
    for (const dt of document.querySelectorAll('dl#articles > dt')) {
      if (!inView(dt) && !inView(dt.nextElementSibling)) continue;
      viewportEntries++;
      const host = dt.querySelector<Element & { __t?: number }>('papershelf-save');
      viewport = Math.max(viewport, host?.__t ?? Infinity);
    }
    return {
      dcl: nav.domContentLoadedEventStart,
      dclEnd: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      first: window.__bench.first,
      all: window.__bench.all,
      viewport,
      viewportEntries,
    };
  });
  return { page, t };
}

declare const chrome: typeof import('wxt/browser').browser;

/**
 * When the background had the tab's papers (badge, popup), in ms after the page's
 * DOMContentLoaded: the report carries every paper, built after the controls (lazyEntry).
 */
async function reportedAfterDcl(background: Worker, page: Page, count: number): Promise<number> {
  const tabId = await tabIdOf(background, page);
  const at = await background.evaluate(
    async ({ key, count }) => {
      for (let i = 0; i < 600; i++) {
        const got = (await chrome.storage.session.get(key))[key] as { papers: unknown[]; at: number } | undefined;
        if (got?.papers.length === count) return got.at;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no report of ${count} papers for ${key}`);
    },
    { key: `tab:${tabId}`, count },
  );
  const dclEpoch = await page.evaluate(
    () => performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
  );
  return at - dclEpoch;
}

/** Lets the machine settle after a load: see the loop in listingBench. */
const settle = () => new Promise((r) => setTimeout(r, 1000));

/** One `document.querySelectorAll('*')` walk of the page, in ms (median of 7). */
async function walkMs(page: Page): Promise<number> {
  const times = await page.evaluate(() => {
    const out: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      let n = 0;
      for (const el of document.querySelectorAll('*')) n += el.nodeType;
      out.push(performance.now() - t + (n < 0 ? 1 : 0));
    }
    return out;
  });
  return median(times);
}

/**
 * Clicks on the page's own link (#page-link, its handler in the probe) from the load event on,
 * while the extension places the controls that were not in the first viewport: ms from each
 * click to the frame after its handler, and how many came before the last control.
 */
async function clicksOnce(context: BrowserContext, clicks = 8, gap = 40): Promise<{ ms: number[]; duringScan: number }> {
  const page = await context.newPage();
  await page.goto(URL_2000, { waitUntil: 'load', timeout: 120_000 });
  const box = await page.locator('#page-link').boundingBox();
  if (!box) throw new Error('no #page-link');
  for (let i = 0; i < clicks; i++) {
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await new Promise((r) => setTimeout(r, gap));
  }
  await page.waitForFunction((n) => window.__bench.clicks.length >= n, clicks, { timeout: 30_000 });
  const got = await page.evaluate(() => window.__bench.clicks);
  await page.close();
  await settle();
  return { ms: got.map((c) => c.ms), duringScan: got.filter((c) => c.controls < COUNT).length };
}

/** Paired loads of `url` with and without the extension (see the loop's comment). */
async function pairedLoads(
  ext: Awaited<ReturnType<typeof launch>>,
  plain: Awaited<ReturnType<typeof launch>>,
  url: string,
  runs: number,
  rich: boolean,
) {
  const out = { a: [] as Load[], p: [] as Load[], rep: [] as number[], wk: [] as number[] };
  // A warm-up load in each context, then interleaved runs, each browser first in turn (noise
  // hits both alike). Each load starts on a settled machine: the extension's work after a load
  // (the background takes the report of 2,000 papers, then the tab's removal on close) runs in
  // its browser's processes, and on two cores a load of the extension-free browser that came
  // at once ran slower for it, which made the overhead look smaller than it is.
  const withExt = async () => {
    const { page, t } = await loadOnce(ext.context, url, true);
    const rep = rich ? await reportedAfterDcl(ext.background!, page, COUNT) : 0;
    const wk = rich ? await walkMs(page) : 0;
    const count = await page.locator('papershelf-save').count();
    await page.close();
    await settle();
    if (count !== COUNT) throw new Error(`expected ${COUNT} controls, found ${count}`);
    if (!Number.isFinite(t.viewport)) throw new Error('an entry of the first viewport has no control');
    return { t, rep, wk };
  };
  const without = async () => {
    const { page, t } = await loadOnce(plain.context, url, false);
    await page.close();
    await settle();
    return t;
  };
  for (let i = -1; i < runs; i++) {
    const plainFirst = i % 2 !== 0;
    const b = plainFirst ? await without() : undefined;
    const { t: a, rep, wk } = await withExt();
    const p = b ?? (await without());
    if (i < 0) continue;
    out.a.push(a);
    out.p.push(p);
    out.rep.push(rep);
    out.wk.push(wk);
  }
  return out;
}

const overheadOf = (a: Load[], p: Load[]) => ({
  runs: a.map((x, i) => (x.load / p[i].load - 1) * 100),
  value: (median(a.map((x) => x.load)) / median(p.map((x) => x.load)) - 1) * 100,
});

export async function listingBench(extDir: string, runs: number): Promise<Result[]> {
  const html = arxivListing(COUNT, { abstracts: false });
  const real = arxivRealSite(COUNT);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/list/cs.LG/pastweek') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    const asset = path === '/list/cs.LG/recent' ? { type: 'text/html; charset=utf-8', body: real.html } : real.assets.get(path);
    setTimeout(() => {
      if (!asset) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' }).end(asset.body);
    }, latencyOf(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const rules = [`--host-resolver-rules=MAP arxiv.org 127.0.0.1:${(server.address() as AddressInfo).port}, MAP * ~NOTFOUND`];
  const ext = await launch(extDir, rules, false);
  const plain = await launch(undefined, rules, false);
  try {
    const bare = await pairedLoads(ext, plain, URL_2000, runs, true);
    const rich = await pairedLoads(ext, plain, URL_REAL, runs, false);
    const clicksExt: number[] = [];
    const clicksPlain: number[] = [];
    let duringScan = 0;
    for (let i = 0; i < runs; i++) {
      const e = await clicksOnce(ext.context);
      clicksExt.push(...e.ms);
      duringScan += e.duringScan;
      clicksPlain.push(...(await clicksOnce(plain.context)).ms);
    }
    const traced = [];
    for (let i = 0; i < Math.min(runs, 3); i++) traced.push(await longTasksOf(ext.context, URL_2000, settle));
    const a = bare.a;
    const since = (f: (l: Load) => number) => a.map((l) => f(l) - l.dcl);
    const bareOver = overheadOf(a, bare.p);
    const richOver = overheadOf(rich.a, rich.p);
    return [
      summary(
        'listing 2,000: DOMContentLoaded → controls of the first viewport',
        since((l) => l.viewport),
        'ms',
        'lower',
        50,
      ),
      summary(
        'listing 2,000: entries in the first viewport (1280×900)',
        a.map((l) => l.viewportEntries),
        'entries',
        'higher',
      ),
      summary(
        'listing 2,000: DOMContentLoaded → every control present',
        since((l) => l.all),
        'ms',
        'lower',
        1000,
      ),
      summary(
        'listing 2,000: DOMContentLoaded → first control',
        since((l) => l.first),
        'ms',
      ),
      // The same moment measured from the extension-free page's DOMContentLoaded (paired runs):
      // what the page waits for in all, whatever the extension changes before DOMContentLoaded.
      summary(
        'listing 2,000: every control present, from the page-without-extension DOMContentLoaded',
        a.map((l, i) => l.all - bare.p[i].dcl),
        'ms',
      ),
      summary(
        'listing 2,000: DOMContentLoaded listeners (the first controls)',
        since((l) => l.dclEnd),
        'ms',
      ),
      summary('listing 2,000: DOMContentLoaded → the background has every paper (badge, popup)', bare.rep, 'ms'),
      summary('listing 2,000: one querySelectorAll("*") walk (baseline)', bare.wk, 'ms'),
      summary(
        'listing 2,000: main-thread tasks over 50 ms caused by the extension (traced loads)',
        traced.map((t) => t.caused),
        'tasks',
        'lower',
        0,
        'a task over 50 ms in which the extension ran for 50 ms or more, or without whose share it would stay under 50 ms',
      ),
      summary(
        'listing 2,000: the extension’s longest work in one task (traced loads)',
        traced.map((t) => t.longestExt),
        'ms',
        'lower',
        50,
      ),
      summary(
        'listing 2,000: the extension’s main-thread time in all (traced loads)',
        traced.map((t) => t.totalExt),
        'ms',
      ),
      summary('listing 2,000: click on the page’s link → next frame, with extension', clicksExt, 'ms'),
      summary('listing 2,000: click on the page’s link → next frame, without extension', clicksPlain, 'ms'),
      ratio(
        'listing 2,000: click → next frame, with ÷ without extension',
        clicksExt,
        clicksPlain,
        1.2,
        `${duringScan} of ${clicksExt.length} clicks came before the last control`,
      ),
      summary(
        'listing 2,000: load event, without extension',
        bare.p.map((l) => l.load),
        'ms',
      ),
      summary(
        'listing 2,000: load event, with extension',
        a.map((l) => l.load),
        'ms',
      ),
      { ...summary('listing 2,000: load-event overhead of the extension', bareOver.runs, '%', 'lower', 5), value: bareOver.value },
      summary(
        'arXiv page copy (subresources 50–150 ms): load event, without extension',
        rich.p.map((l) => l.load),
        'ms',
      ),
      summary(
        'arXiv page copy (subresources 50–150 ms): load event, with extension',
        rich.a.map((l) => l.load),
        'ms',
      ),
      {
        ...summary('arXiv page copy (subresources 50–150 ms): load-event overhead of the extension', richOver.runs, '%', 'lower', 3),
        value: richOver.value,
      },
      summary(
        'arXiv page copy: DOMContentLoaded → controls of the first viewport',
        rich.a.map((l) => l.viewport - l.dcl),
        'ms',
      ),
      summary(
        'arXiv page copy: DOMContentLoaded → every control present',
        rich.a.map((l) => l.all - l.dcl),
        'ms',
      ),
    ];
  } finally {
    await ext.context.close();
    await plain.context.close();
    server.close();
  }
}
