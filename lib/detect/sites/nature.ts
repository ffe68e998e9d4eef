// nature.com: article pages `/articles/<id>` (DOI 10.1038/<id>; citation_* meta completes them) and
// the `article.c-card` rows of search, subject and journal listings.
import { articlePage, entries, rowPaper, type RowSpec } from '../dom';
import type { SiteAdapter } from '../types';

const ID = /\/articles\/([\w.-]+)\/?$/;

const ROW: RowSpec = {
  link: 'h3 a[href*="/articles/"], .c-card__title a[href*="/articles/"]',
  ids: (href) => ({ doi: href && ID.test(href.pathname) ? `10.1038/${ID.exec(href.pathname)![1]}` : undefined }),
  authors: '.c-author-list li',
  venue: '[data-test="journal-title"], .c-meta__item--journal',
  date: 'time',
};

export const nature: SiteAdapter = {
  id: 'nature',
  name: 'Nature',
  hosts: ['nature.com'],
  examples: [
    'https://www.nature.com/articles/s41586-021-03819-2',
    'https://www.nature.com/search?q=protein+folding',
    'https://www.nature.com/subjects/machine-learning',
  ],
  detect(doc, url) {
    const id = ID.exec(url.pathname)?.[1];
    if (id) return articlePage(doc, url, doc.querySelector('h1.c-article-title'), { ids: { doi: `10.1038/${id}` }, source: 'nature' });
    return entries(doc, 'li.app-article-list-row__item, article.c-card', (el) => rowPaper(el, url, ROW, 'nature'), url);
  },
};
