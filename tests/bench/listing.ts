// A generated arXiv listing (/list/…/new markup: dl#articles > dt/dd, as in
// tests/fixtures/arxiv/list-new.html) with `count` entries from the seeded paper generator.
import { generatePapers } from '../../lib/search/generate';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function listingEntry(i: number, id: string, title: string, authors: string[], abstract: string | undefined): string {
  const people = authors
    .map(
      (a) =>
        `<a href="https://arxiv.org/search/cs?searchtype=author&amp;query=${encodeURIComponent(a.split(' ').reverse().join(',+'))}">${esc(a)}</a>`,
    )
    .join(', ');
  return `
      <dt>
        <a name='item${i}'>[${i}]</a>
        <a href ="/abs/${id}" title="Abstract" id="${id}">
          arXiv:${id}
        </a>
        [<a href="/pdf/${id}" title="Download PDF" id="pdf-${id}" aria-labelledby="pdf-${id}">pdf</a>, <a href="https://arxiv.org/html/${id}v1" title="View HTML" id="html-${id}" aria-labelledby="html-${id}" rel="noopener noreferrer" target="_blank">html</a>, <a href="/format/${id}" title="Other formats" id="oth-${id}" aria-labelledby="oth-${id}">other</a>]
      </dt>
      <dd>
        <div class='meta'>
          <div class='list-title mathjax'><span class='descriptor'>Title:</span>
            ${esc(title)}
          </div>
          <div class='list-authors'>${people}</div>
          <div class='list-comments mathjax'><span class='descriptor'>Comments:</span>
            ${8 + (i % 30)} pages, ${1 + (i % 9)} figures
          </div>
          <div class='list-subjects'><span class='descriptor'>Subjects:</span>
            <span class="primary-subject">Machine Learning (cs.LG)</span>; Artificial Intelligence (cs.AI)
          </div>
          ${abstract ? `<p class='mathjax'>\n            ${esc(abstract)}\n          </p>` : ''}
        </div>
      </dd>`;
}

/**
 * A head script recording, in page time, DOMContentLoaded, when the extension's controls
 * (papershelf-save elements) first appear, when all `count` are there, and on each control the
 * moment it came (`__t`, read for the first viewport's entries). It counts the added nodes of
 * each mutation batch: a live collection's length would walk the whole page at every batch, and
 * the controls now come in many (the controls present at DOMContentLoaded are stamped then). A page link (#page-link) answers clicks as a page's own script
 * does; each click records the time from the event to the frame after its handler (a rAF, then
 * a message: past that frame's paint), and how many controls were in at that moment.
 */
export function benchProbe(count: number): string {
  return `<script>
  (() => {
    const b = (window.__bench = { first: 0, all: 0, n: 0, clicks: [] });
    const seen = (node, now) => {
      node.__t = now;
      b.n++;
      if (!b.first) b.first = now;
      if (b.n >= ${count} && !b.all) b.all = now;
    };
    // Observed from DOMContentLoaded only: a subtree observer during parsing costs the page a
    // record per parsed node (about 250 ms on 2,000 entries). The extension's listener was
    // registered at document_start, before this one: its first controls are there now.
    document.addEventListener('DOMContentLoaded', () => {
      const now = performance.now();
      for (const h of document.getElementsByTagName('papershelf-save')) seen(h, now);
      new MutationObserver((records) => {
        const now = performance.now();
        for (const r of records) for (const node of r.addedNodes) if (node.nodeName === 'PAPERSHELF-SAVE') seen(node, now);
      }).observe(document.documentElement, { childList: true, subtree: true });
    });
    document.addEventListener('click', (e) => {
      const link = e.target.closest && e.target.closest('#page-link');
      if (!link) return;
      e.preventDefault();
      document.body.classList.toggle('page-link-on');
      link.textContent = document.body.classList.contains('page-link-on') ? 'cs.LG (on)' : 'cs.LG';
      const n = b.n;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => b.clicks.push({ ms: performance.now() - e.timeStamp, controls: n });
        ch.port2.postMessage(0);
      });
    });
  })();
  </script>`;
}

/**
 * The page's HTML. `probe` adds a head script recording, in page time, DOMContentLoaded and when
 * the extension's controls (papershelf-save elements) first appear and when all `count` are there.
 * Without `abstracts` it is the /list/…/pastweek?show=2000 kind of page (no abstracts shown).
 */
export function arxivListing(count: number, { probe = true, seed = 11, abstracts = true } = {}): string {
  const papers = generatePapers(count, { seed });
  const rows = papers
    .map((p, i) => listingEntry(i + 1, `2405.${String(10001 + i).padStart(5, '0')}`, p.title, p.authors, abstracts ? p.abstract : undefined))
    .join('');
  const script = probe ? benchProbe(count) : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <title>Machine Learning  new submissions</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${script}
</head>
<body class="with-cu-identity">
  <div id="header"><h1><a href="/">arXiv</a> &gt; <a id="page-link" href="/list/cs.LG/recent">cs.LG</a></h1></div>
  <div id="content">
  <div id='content-inner'>
  <div id='dlpage'>
    <h1>Machine Learning</h1>
    <h2>New submissions</h2>
    <div class='list-dateline'>Showing new listings for Tuesday, 14 May 2024</div>
    <div class='paging'>Total of ${count} entries</div>
    <dl id='articles'>
      <h3>New submissions (showing ${count} of ${count} entries)</h3>${rows}
    </dl>
  </div>
  </div>
  </div>
</body>
</html>
`;
}
