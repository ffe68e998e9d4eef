// A generated arXiv listing (/list/…/new markup: dl#articles > dt/dd, as in
// tests/fixtures/arxiv/list-new.html) with `count` entries from the seeded paper generator.
import { generatePapers } from '../../lib/search/generate';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function entry(i: number, id: string, title: string, authors: string[], abstract: string | undefined): string {
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
 * The page's HTML. `probe` adds a head script recording, in page time, DOMContentLoaded and when
 * the extension's controls (papershelf-save elements) first appear and when all `count` are there.
 * Without `abstracts` it is the /list/…/pastweek?show=2000 kind of page (no abstracts shown).
 */
export function arxivListing(count: number, { probe = true, seed = 11, abstracts = true } = {}): string {
  const papers = generatePapers(count, { seed });
  const rows = papers
    .map((p, i) => entry(i + 1, `2405.${String(10001 + i).padStart(5, '0')}`, p.title, p.authors, abstracts ? p.abstract : undefined))
    .join('');
  const script = probe
    ? `<script>
  (() => {
    const b = (window.__bench = { first: 0, all: 0 });
    const hosts = document.getElementsByTagName('papershelf-save');
    new MutationObserver(() => {
      const n = hosts.length;
      if (n && !b.first) b.first = performance.now();
      if (n >= ${count} && !b.all) b.all = performance.now();
    }).observe(document.documentElement, { childList: true, subtree: true });
  })();
  </script>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <title>Machine Learning  new submissions</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${script}
</head>
<body class="with-cu-identity">
  <div id="header"><h1><a href="/">arXiv</a> &gt; <a href="/list/cs.LG/recent">cs.LG</a></h1></div>
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
