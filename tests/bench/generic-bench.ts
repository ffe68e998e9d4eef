// 8. The generic listing layer's cost on a page without identifiers (issue 19: "no measurable
// cost"): a long news-like page of paragraphs and links that name no paper. Measured where it
// runs, in real headless Chromium: in each run the page is loaded afresh, its own
// DOMContentLoaded time read from Navigation Timing, then the quick check every page gets
// (quick.ts, with the listing layer's pre-check) and the listing layer itself are timed in the
// page — each as a share of that page's DOMContentLoaded, so the machine's load cancels out.
// (The old baseline, one querySelectorAll('*') walk in happy-dom, was too quick to time: ratios
// of 4–7,625×.) The same two calls in happy-dom, in Node, are kept as figures.
import { Window } from 'happy-dom';
import { listing } from '../../lib/detect/generic/listing';
import { quickCheck } from '../../lib/detect/quick';
import { launch, serve } from './browser';
import { summary, type Result } from './stats';

/** `n` paragraphs of prose with links (none to a DOI, arXiv, PMC or PubMed), with a header and lists. */
export function pageWithoutIds(n: number): string {
  const p = (i: number) =>
    `<p>Paragraph ${i} of a long story about the estuary, the town on its banks and the people who fish it. ` +
    `See <a href="/story/${i}">the earlier story</a> and <a href="https://example.org/topic/${i % 50}">the topic page</a>; version 10.${i % 9} of the plan was published.</p>`;
  const related = Array.from({ length: 40 }, (_, i) => `<li><a href="/related/${i}">Related story number ${i} about the coast</a></li>`).join('');
  return `<!doctype html><html><head><title>A long story</title><meta property="og:type" content="article"></head><body>
<header><nav>${Array.from({ length: 30 }, (_, i) => `<a href="/section/${i}">Section ${i}</a>`).join(' ')}</nav></header>
<main><article><h1>A long story about the estuary</h1>${Array.from({ length: n }, (_, i) => p(i)).join('\n')}</article>
<aside><ul>${related}</ul></aside></main><footer>© Example News</footer></body></html>`;
}

function time(f: () => unknown, reps: number): number {
  const t = performance.now();
  for (let i = 0; i < reps; i++) f();
  return (performance.now() - t) / reps;
}

const URL_ = 'https://news.example.org/2024/story';
const REPS = 20;
/** The layer adds no measurable cost: under 1 % of the page's own DOMContentLoaded time. */
const TARGET_PCT = 1;

function inNode(html: string, runs: number): { quick: number[]; layer: number[] } {
  const win = new Window({
    url: URL_,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  const doc = new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const url = new URL(URL_);
  if (listing(doc, url).length || quickCheck(doc, url, { detectOn: 'all', adapters: [] }) !== 'none')
    throw new Error('the page without identifiers names one');
  const quick: number[] = [];
  const layer: number[] = [];
  for (let i = 0; i < runs; i++) {
    quick.push(time(() => quickCheck(doc, url, { detectOn: 'all', adapters: [] }), REPS));
    layer.push(time(() => listing(doc, url), REPS));
  }
  return { quick, layer };
}

async function inChromium(html: string, runs: number, helpers: string): Promise<{ dcl: number[]; quick: number[]; layer: number[] }> {
  const session = await launch();
  const out = { dcl: [] as number[], quick: [] as number[], layer: [] as number[] };
  try {
    await serve(session.context, URL_, html);
    for (let i = 0; i < runs; i++) {
      const page = await session.context.newPage();
      await page.goto(URL_, { waitUntil: 'load' });
      const dcl = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return nav.domContentLoadedEventEnd - nav.startTime;
      });
      await page.addScriptTag({ content: helpers });
      const got = await page.evaluate((reps) => {
        const url = new URL(location.href);
        const opts = { detectOn: 'all' as const, adapters: [] };
        if (window.__detect.quickCheck(document, url, opts) !== 'none' || window.__detect.listing(document, url).length)
          throw new Error('the page without identifiers names one');
        const t0 = performance.now();
        for (let k = 0; k < reps; k++) window.__detect.quickCheck(document, url, opts);
        const t1 = performance.now();
        for (let k = 0; k < reps; k++) window.__detect.listing(document, url);
        const t2 = performance.now();
        return { quick: (t1 - t0) / reps, layer: (t2 - t1) / reps };
      }, REPS);
      out.dcl.push(dcl);
      out.quick.push(got.quick);
      out.layer.push(got.layer);
      await page.close();
    }
  } finally {
    await session.context.close();
  }
  return out;
}

export async function genericBench(runs: number, helpers: string): Promise<Result[]> {
  const html = pageWithoutIds(2000);
  const kb = Math.round(html.length / 1024);
  const node = inNode(html, runs);
  const c = await inChromium(html, runs, helpers);
  const pct = (xs: number[]) => xs.map((x, i) => (100 * x) / c.dcl[i]);
  const chromeNote = `${kb} KB page in headless Chromium, a fresh load per run; ${REPS} calls per run; target: under ${TARGET_PCT} % of the page's DOMContentLoaded`;
  const nodeNote = `${kb} KB page, happy-dom in Node; ${REPS} calls per run`;
  return [
    summary(
      `generic listing layer, page without identifiers (${kb} KB), Chromium: the page's DOMContentLoaded`,
      c.dcl,
      'ms',
      'lower',
      undefined,
      chromeNote,
    ),
    summary(
      `generic listing layer, page without identifiers, Chromium: quick check ÷ DOMContentLoaded`,
      pct(c.quick),
      '%',
      'lower',
      TARGET_PCT,
      chromeNote,
    ),
    summary(
      `generic listing layer, page without identifiers, Chromium: the layer itself ÷ DOMContentLoaded`,
      pct(c.layer),
      '%',
      'lower',
      TARGET_PCT,
      chromeNote,
    ),
    summary(`generic listing layer, page without identifiers (${kb} KB), happy-dom: quick check`, node.quick, 'ms', 'lower', undefined, nodeNote),
    summary(
      `generic listing layer, page without identifiers (${kb} KB), happy-dom: the layer itself`,
      node.layer,
      'ms',
      'lower',
      undefined,
      nodeNote,
    ),
  ];
}
