// Wiley Online Library (Atypon): article pages `/doi/<doi>`, `/doi/abs/…`, `/doi/full/…` (citation_*
// meta completes them), issue tables of contents (`div.issue-item`) and search results.
import { articlePage, idsOfLink, entries, rowPaper, type RowSpec } from '../dom';
import type { SiteAdapter } from '../types';

const ROW: RowSpec = {
  link: 'a.issue-item__title[href*="/doi/"], a.publication_title[href*="/doi/"]',
  ids: (href) => ({ doi: idsOfLink(href?.pathname).doi }),
  authors: '.author-style, .publication_contrib_author',
  venue: '.publication_meta_serial',
  date: '.ePubDate span:last-child, .meta__epubDate',
};

export const wiley: SiteAdapter = {
  id: 'wiley',
  name: 'Wiley Online Library',
  hosts: ['onlinelibrary.wiley.com'],
  examples: ['https://onlinelibrary.wiley.com/doi/abs/10.1002/andp.19263851302', 'https://onlinelibrary.wiley.com/toc/15213889/2024/536/1'],
  detect(doc, url) {
    const doi = idsOfLink(url.pathname).doi;
    if (doi) return articlePage(doc, url, doc.querySelector('.citation__title'), { ids: { doi }, source: 'wiley' });
    return entries(doc, 'div.issue-item, li.search__item', (el) => rowPaper(el, url, ROW, 'wiley'), url);
  },
};
