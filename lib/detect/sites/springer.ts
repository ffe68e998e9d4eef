// Springer Nature Link (link.springer.com): `/article/<doi>`, `/chapter/<doi>` pages (citation_*
// meta completes them) and search / journal listings of `li.app-card-open` cards.
import { articlePage, entries, rowPaper, type RowSpec } from '../dom';
import type { SiteAdapter } from '../types';

const PAGE = /^\/(article|chapter|book|referenceworkentry|protocol)\/(10\.\d{4,9}\/.+)$/;

const ROW: RowSpec = {
  link: 'a[href*="/article/10."], a[href*="/chapter/10."], a[href*="/book/10."]',
  authors: '[data-test="authors"]',
  venue: '[data-test="parent"]',
  date: '[data-test="published"]',
};

export const springer: SiteAdapter = {
  id: 'springer',
  name: 'Springer Nature Link',
  hosts: ['link.springer.com'],
  examples: ['https://link.springer.com/article/10.1007/s10924-010-0192-1', 'https://link.springer.com/search?query=graph+neural+networks'],
  detect(doc, url) {
    const m = PAGE.exec(url.pathname);
    if (m)
      return articlePage(doc, url, doc.querySelector('h1.c-article-title, h1[data-test="article-title"]'), {
        ids: { doi: m[2] },
        source: 'springer',
        type: m[1] === 'chapter' ? 'other' : undefined,
      });
    return entries(doc, 'li.app-card-open, li[data-test="search-result-item"]', (el) => rowPaper(el, url, ROW, 'springer'), url);
  },
};
