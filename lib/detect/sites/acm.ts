// ACM Digital Library (Atypon): article pages `/doi/<doi>` (also `/doi/abs/…`, `/doi/full/…`), and
// `.issue-item` rows of search results (`/action/doSearch`) and tables of contents.
import { textOf } from '../../paper/text';
import { articlePage, idsOfLink, entries, rowPaper, textsOf, type RowSpec } from '../dom';
import type { SiteAdapter } from '../types';
import { qs } from '../select';

/** The venue link names a proceedings volume for conference papers. */
const venueType = (el: ParentNode) => (qs(el, '.issue-item__detail a[href*="/doi/proceedings/"]') ? 'conference' : undefined);

const ROW: RowSpec = {
  link: '.issue-item__title a[href*="/doi/"]',
  ids: (href) => ({ doi: idsOfLink(href?.pathname).doi }),
  authors: 'ul.loa li:not(.count-list) a',
  venue: '.epub-section__title',
  date: '.epub-section__date, .bookPubDate',
  type: venueType,
};

export const acm: SiteAdapter = {
  id: 'acm',
  name: 'ACM Digital Library',
  hosts: ['dl.acm.org'],
  examples: [
    'https://dl.acm.org/doi/10.1145/3375627.3375832',
    'https://dl.acm.org/action/doSearch?AllField=fairness',
    'https://dl.acm.org/toc/cacm/2024/67/1',
  ],
  test: (url) => /^\/(doi|action\/doSearch|toc)\//.test(url.pathname + '/'),
  detect(doc, url) {
    const doi = idsOfLink(url.pathname).doi;
    const heading = doc.querySelector('h1.citation__title, h1[property="name"]');
    if (!doi || !heading) return entries(doc, '.issue-item', (el) => rowPaper(el, url, ROW, 'acm'), url);
    // The venue line under the title: `.issue-item__detail` (publication, date, pages).
    const detail = doc.querySelector('.issue-item__detail') ?? doc;
    return articlePage(doc, url, heading, {
      ids: { doi },
      authors: [...new Set(textsOf(doc, '.loa__author-name > span'))],
      date: textOf(qs(detail, '.epub-section__date')) || undefined,
      venue: textOf(qs(detail, '.epub-section__title')) || undefined,
      type: venueType(detail.parentElement ?? detail),
      pages: textOf(qs(detail, '.epub-section__pagerange')).replace(/^Pages\s*/i, '') || undefined,
      source: 'acm',
    });
  },
};
