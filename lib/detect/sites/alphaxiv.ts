// alphaXiv (`/abs/<id>`, `/overview/<id>`): an arXiv paper, id from the URL. The app renders on
// the client; meta tags and the h1 give the title, `arXiv:<id>` stands in until they exist.
import { arxivIdFromUrl } from '../../paper/identity';
import { textOf } from '../../paper/text';
import { findTitleHeading } from '../anchor';
import { metaAll, metaFirst } from '../meta';
import type { SiteAdapter } from '../types';
import { arxivPaper } from './arxiv';

export const alphaxiv: SiteAdapter = {
  id: 'alphaxiv',
  name: 'alphaXiv',
  hosts: ['alphaxiv.org'],
  examples: ['https://www.alphaxiv.org/abs/1706.03762', 'https://www.alphaxiv.org/overview/2401.01234v2'],
  detect(doc, url) {
    const a = arxivIdFromUrl(url.href);
    if (!a) return [];
    // After in-app navigation the meta may still describe the previous paper: trust it only when it names this one.
    const fresh = metaFirst(doc, 'og:url')?.includes(a.id) ?? true;
    const meta = (name: string) => (fresh ? metaFirst(doc, name) : undefined);
    const og = meta('og:title')?.replace(/\s*[|–—-]\s*alphaXiv$/i, '');
    const title = meta('citation_title') ?? (og && !/^alphaxiv\b/i.test(og) ? og : undefined) ?? textOf(doc.querySelector('h1'));
    const paper = arxivPaper(
      a,
      {
        title: title || `arXiv:${a.id}`,
        authors: fresh ? metaAll(doc, 'citation_author') : [],
        abstract: meta('citation_abstract'),
        source: 'alphaxiv',
      },
      url,
    );
    return paper ? [{ paper, anchor: findTitleHeading(doc, paper.title), placement: 'append' }] : [];
  },
};
