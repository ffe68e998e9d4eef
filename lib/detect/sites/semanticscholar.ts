// Semantic Scholar: paper pages (`/paper/<slug>/<40-hex id>`) and the client-rendered rows
// (div.cl-paper-row) of search and author pages.
import { makePaper } from '../../paper/make';
import { textOf } from '../../paper/text';
import { entries, hrefOf, idsOfLinks, metaPaper, textsOf } from '../dom';
import type { Detection, SiteAdapter } from '../types';
import { qs, qsa } from '../select';

const ROW = 'div.cl-paper-row';
const PAPER = /^\/paper\/(?:[^/]+\/)?([0-9a-f]{40})\/?$/;
// No canonical-key branch for S2 ids: the paper's own S2 URL is its identity when no DOI/arXiv.
const home = (id: string) => `https://www.semanticscholar.org/paper/${id}`;

function detectPaper(doc: Document, url: URL, s2: string): Detection[] {
  const h1 = doc.querySelector('h1[data-test-id="paper-detail-title"]') ?? doc.querySelector('h1');
  return metaPaper(
    doc,
    url,
    {
      ids: { ...idsOfLinks(doc.querySelectorAll('[data-test-id="paper-meta-subhead"] a, a.doi__link')), s2, url: home(s2) },
      absUrl: home(s2),
      source: 'semanticscholar',
    },
    { title: textOf(h1), authors: textsOf(doc, '.author-list__author-name') },
    h1,
  );
}

function parseRow(row: Element, url: URL): Detection | null {
  // A paper page's citation and reference rows are other papers, not the page's.
  if (PAPER.test(url.pathname)) return null;
  const link = qs(row, 'a[data-test-id="title-link"]') ?? qs(row, 'a[href*="/paper/"]');
  const s2 = row.getAttribute('data-paper-id') ?? /[0-9a-f]{40}/.exec(hrefOf(link, url)?.pathname ?? '')?.[0];
  if (!link || !s2) return null;
  const paper = makePaper(
    {
      ids: { ...idsOfLinks(qsa(row, 'a[href*="doi.org/"], a[href*="arxiv.org/"]')), s2, url: home(s2) },
      title: textOf(qs(link, '.cl-paper-title') ?? link),
      // The author of an author page is a highlighted span, not a link.
      authors: [...new Set(textsOf(row, '.cl-paper-authors a, .cl-paper-authors__author-box'))],
      year: textOf(qs(row, '.cl-paper-pubdates')),
      venue: textOf(qs(row, '.cl-paper-venue')),
      absUrl: home(s2),
      source: 'semanticscholar',
    },
    url.href,
  );
  return paper && { paper, anchor: link, placement: 'after' };
}

export const semanticscholar: SiteAdapter = {
  id: 'semanticscholar',
  name: 'Semantic Scholar',
  hosts: ['semanticscholar.org'],
  test: (u) => /^\/(paper|search|author)\b/.test(u.pathname),
  examples: [
    'https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/204e3073870fae3d05bcbc2f6a8e263d9b72e776',
    'https://www.semanticscholar.org/search?q=graph%20neural%20networks',
    'https://www.semanticscholar.org/author/Marcel-E.-Moran/32690314',
  ],
  entrySelector: ROW,
  parseEntry: parseRow,
  detect(doc, url) {
    const s2 = PAPER.exec(url.pathname)?.[1];
    return s2 ? detectPaper(doc, url, s2) : entries(doc, ROW, parseRow, url);
  },
};
