// 6. Re-attaching 200 highlights on a 100-page HTML paper (issue 20): from the page's
// DOMContentLoaded until all 200 are drawn in CSS.highlights, and the longest main-thread task
// of the page meanwhile (Long Tasks API: every task over 50 ms is one). The same page without the
// extension is the floor: its own first layout of 100 pages is one long task (200-500 ms on a
// busy machine) that no extension can shorten, and nothing can be drawn before it ends.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from '@playwright/test';
import { launch } from './browser';
import { longPaper } from './highlight-paper';
import { chunkRan, profileLoad } from './highlight-profile';
import { ratio, single, summary, type Result } from './stats';
import { makePaper } from '../../lib/paper/make';
import { newPaper } from '../../lib/paper/schema';

const URL_PAPER = 'http://arxiv.org/html/2401.01234v1';

// Installed before the page's own scripts: records long tasks and when the highlights are in.
// It polls with a timer from DOMContentLoaded on: a requestAnimationFrame loop from the start
// would make the browser lay out the page at every frame while it parses (long tasks of the
// probe's own making, 200-600 ms on a busy machine).
const PROBE = `(() => {
  const b = (window.__hl = { drawn: 0, longest: 0, tasks: 0 });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) { b.tasks++; b.longest = Math.max(b.longest, e.duration); } }).observe({ type: 'longtask', buffered: true });
  const count = () => { let n = 0; for (const [name, h] of CSS.highlights) if (name.startsWith('papershelf')) n += h.size; return n; };
  const tick = () => { if (count() >= 200) b.drawn = performance.now(); else setTimeout(tick, 1); };
  document.addEventListener('DOMContentLoaded', () => setTimeout(tick, 0));
})();`;

// Without the extension: the page's own longest task, and DOMContentLoaded → the end of the first
// frame after it (its first layout of the whole text, which the highlights cannot precede).
const FLOOR = `(() => {
  const b = (window.__hl = { drawn: 0, longest: 0, tasks: 0, frame: 0 });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) { b.tasks++; b.longest = Math.max(b.longest, e.duration); } }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => {
    const c = new MessageChannel();
    c.port1.onmessage = () => { b.drawn = performance.now(); };
    c.port2.postMessage(0);
  }));
})();`;

async function floorRuns(rules: string[], runs: number): Promise<{ frame: number[]; longest: number[] }> {
  const s = await launch(undefined, rules, false);
  try {
    await s.context.addInitScript(FLOOR);
    return await loadRuns(s.context, runs);
  } finally {
    await s.context.close();
  }
}

async function loadRuns(context: BrowserContext, runs: number, url = URL_PAPER): Promise<{ frame: number[]; longest: number[] }> {
  const frame: number[] = [];
  const longest: number[] = [];
  for (let i = -1; i < runs; i++) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__hl.drawn > 0, undefined, { timeout: 60_000, polling: 50 });
    await page.waitForTimeout(200); // a task still running when the last range was drawn
    const t = await page.evaluate(() => ({
      dcl: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart,
      drawn: window.__hl.drawn,
      longest: window.__hl.longest,
    }));
    await page.close();
    if (i < 0) continue;
    frame.push(t.drawn - t.dcl);
    longest.push(t.longest);
  }
  return { frame, longest };
}

export async function highlightBench(extDir: string, helpers: string, runs: number): Promise<Result[]> {
  const { html, highlights } = longPaper();
  // The paper at /html/…; any other path is a page without a paper (a listing's URL, the home page).
  const other = '<!DOCTYPE html><html><head><title>arXiv</title></head><body><h1>New submissions</h1><dl></dl></body></html>';
  // `?stream`: the paper in 10 parts 30 ms apart, as a page comes over a network (the plain URL
  // sends it whole at once, so the page is parsed within a few ms of the scripts' start).
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (!req.url?.startsWith('/html/')) return res.end(other);
    if (!req.url.endsWith('?stream')) return res.end(html);
    const step = Math.ceil(html.length / 10);
    let at = 0;
    const next = () => {
      res.write(html.slice(at, (at += step)));
      if (at < html.length) setTimeout(next, 30);
      else res.end();
    };
    next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const rules = [`--host-resolver-rules=MAP arxiv.org 127.0.0.1:${(server.address() as AddressInfo).port}, MAP * ~NOTFOUND`];
  const s = await launch(extDir, rules, false);
  try {
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    await options.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'papershelf'));
    await options.evaluate(helpers);
    const paper = newPaper(makePaper({ ids: { arxiv: '2401.01234' }, title: 'A long paper', source: 'bench' })!);
    await options.evaluate(({ paper, highlights }) => window.__benchPage.putHighlights(paper, highlights), { paper, highlights });
    await s.context.addInitScript(PROBE);
    if (process.env.PROFILE)
      for (let i = 0; i < 3; i++)
        console.error((await profileLoad(s.context, URL_PAPER + (process.env.PROFILE === 'stream' ? '?stream' : ''))).join('\n') + '\n');
    const { frame: toDrawn, longest } = await loadRuns(s.context, runs);
    const streamed = await loadRuns(s.context, runs, `${URL_PAPER}?stream`);
    // Nothing is loaded on pages without a paper: the chunk's script must not run there.
    const without = ['http://arxiv.org/list/cs.LG/new', 'http://arxiv.org/'];
    let loadedWithout = 0;
    for (const u of without) if (await chunkRan(s.context, u)) loadedWithout++;
    if (!(await chunkRan(s.context, URL_PAPER))) throw new Error('the trace shows no highlight chunk on the paper page');
    await s.context.close();
    const floor = await floorRuns(rules, runs);
    return [
      summary('highlights: 200 re-attached on a 100-page paper, DOMContentLoaded → all drawn', toDrawn, 'ms', 'lower', 50),
      summary('highlights: longest main-thread task of the page meanwhile (0: none over 50 ms)', longest, 'ms', 'lower', 50),
      summary(
        'highlights: the same, the page streamed in 10 parts over 270 ms (as over a network), DOMContentLoaded → all drawn',
        streamed.frame,
        'ms',
        'lower',
        50,
      ),
      single(
        `highlights: pages without a paper that loaded the chunk (of ${without.length}: an arXiv listing, its home page)`,
        loadedWithout,
        '',
        'lower',
        0,
      ),
      summary('highlights: floor, the page without the extension: DOMContentLoaded → its first frame done', floor.frame, 'ms', 'lower'),
      summary('highlights: floor, the page without the extension: its longest main-thread task', floor.longest, 'ms', 'lower'),
      ratio('highlights: DOMContentLoaded → all drawn ÷ the floor (its first frame done)', toDrawn, floor.frame),
    ];
  } finally {
    await s.context.close().catch(() => {});
    server.close();
  }
}
