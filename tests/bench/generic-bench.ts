// 8. The generic listing layer's cost on a page without identifiers (issue 19: "no measurable
// cost"): a long news-like page of paragraphs and links that name no paper, parsed by happy-dom
// in Node. Timed: the quick check every page gets (quick.ts, with the listing layer's pre-check),
// and the listing layer itself, against one querySelectorAll('*') walk of the same page.
import { Window } from 'happy-dom';
import { listing } from '../../lib/detect/generic/listing';
import { quickCheck } from '../../lib/detect/quick';
import { ratio, summary, type Result } from './stats';

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

export function genericBench(runs: number): Result[] {
  const html = pageWithoutIds(2000);
  const win = new Window({
    url: 'https://news.example.org/2024/story',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  const doc = new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const url = new URL('https://news.example.org/2024/story');
  if (listing(doc, url).length || quickCheck(doc, url, { detectOn: 'all', adapters: [] }) !== 'none')
    throw new Error('the page without identifiers names one');
  const quick: number[] = [];
  const layer: number[] = [];
  const walk: number[] = [];
  for (let i = 0; i < runs; i++) {
    quick.push(time(() => quickCheck(doc, url, { detectOn: 'all', adapters: [] }), 20));
    layer.push(time(() => listing(doc, url), 20));
    walk.push(time(() => doc.querySelectorAll('*').length, 20));
  }
  const kb = Math.round(html.length / 1024);
  const note = `${kb} KB page, happy-dom in Node; 20 calls per run`;
  return [
    summary(`generic listing layer, page without identifiers (${kb} KB): quick check`, quick, 'ms', 'lower', undefined, note),
    summary(`generic listing layer, page without identifiers (${kb} KB): the layer itself`, layer, 'ms', 'lower', undefined, note),
    ratio(
      `generic listing layer, page without identifiers: layer ÷ one querySelectorAll('*') walk`,
      layer,
      walk,
      1,
      'the pre-check must cost less than walking the page once',
    ),
  ];
}
