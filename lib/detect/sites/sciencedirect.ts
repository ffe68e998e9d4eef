// ScienceDirect: article pages `/science/article/pii/<pii>` (and `/abs/pii/`), search results
// (`li.ResultItem`, rendered client-side) and journal issue lists (`li.js-article-list-item`).
import { textOf } from '../../paper/text';
import { articlePage, entries, hrefOf, idsOfLink, rowPaper, textsOf, type RowSpec } from '../dom';
import { metaFirst } from '../meta';
import type { SiteAdapter } from '../types';

const PII = /\/pii\/([A-Z]?[\dX]{16,20})/i;
const ENTRY = 'li.ResultItem, li.js-article-list-item';
const pageOf = (pii: string) => `https://www.sciencedirect.com/science/article/pii/${pii}`;

const ROW: RowSpec = {
  link: 'a.result-list-title-link, a.article-content-title',
  ids: (href, row) => {
    const pii = href && PII.exec(href.pathname)?.[1];
    return { doi: row.getAttribute('data-doi') ?? undefined, url: pii ? pageOf(pii) : href?.href };
  },
  authors: '.Authors .author, .js-article__item__authors',
  venue: '.subtype-srctitle-link',
};

export const sciencedirect: SiteAdapter = {
  id: 'sciencedirect',
  name: 'ScienceDirect',
  hosts: ['sciencedirect.com'],
  examples: ['https://www.sciencedirect.com/science/article/pii/S2352485522001888', 'https://www.sciencedirect.com/search?qs=leatherback%20turtle'],
  detect(doc, url) {
    const pii = PII.exec(url.pathname)?.[1];
    if (!pii) return entries(doc, ENTRY, (el) => rowPaper(el, url, ROW, 'sciencedirect'), url);
    const title = doc.querySelector('span.title-text');
    return articlePage(doc, url, title?.closest('h1') ?? title, {
      ids: { doi: idsOfLink(hrefOf(doc.querySelector('a.doi'), url)?.href).doi, url: pageOf(pii) },
      title: metaFirst(doc, 'citation_title') ?? textOf(title),
      authors: textsOf(doc, '#author-group .react-xocs-alternative-link'),
      source: 'sciencedirect',
    });
  },
  entrySelector: ENTRY,
  parseEntry: (el, url) => rowPaper(el, url, ROW, 'sciencedirect'),
};
