// arXiv abstract pages (`/abs/<id>`), from citation_* meta and the page's own markup.
import { arxivIdFromUrl, yearOfArxivId } from '../../paper/identity';
import { makePaper } from '../../paper/make';
import { textOf } from '../../paper/text';
import { metaAll, metaFirst } from '../meta';
import type { Detection, SiteAdapter } from '../types';

function detectAbs(doc: Document, url: URL): Detection[] {
  const fromUrl = arxivIdFromUrl(url.href);
  const id = metaFirst(doc, 'citation_arxiv_id') ?? fromUrl?.id;
  if (!id) return [];
  const version = fromUrl?.version ? `v${fromUrl.version}` : '';
  const heading = doc.querySelector('h1.title');
  const headingText = heading ? textOf(heading).replace(/^Title:\s*/, '') : '';
  const subject = textOf(doc.querySelector('.primary-subject'));
  const paper = makePaper(
    {
      ids: { arxiv: id + version, doi: metaFirst(doc, 'citation_doi') },
      title: metaFirst(doc, 'citation_title') ?? headingText,
      authors: metaAll(doc, 'citation_author').length ? metaAll(doc, 'citation_author') : [...doc.querySelectorAll('.authors a')].map(textOf),
      date: metaFirst(doc, 'citation_date', 'citation_online_date'),
      year: yearOfArxivId(id),
      type: 'preprint',
      abstract: metaFirst(doc, 'citation_abstract') ?? textOf(doc.querySelector('blockquote.abstract'))?.replace(/^Abstract:\s*/, ''),
      absUrl: `https://arxiv.org/abs/${id}`,
      pdfUrl: metaFirst(doc, 'citation_pdf_url') ?? `https://arxiv.org/pdf/${id}`,
      source: 'arxiv',
      arxivCategory: /\(([^()]+)\)\s*$/.exec(subject)?.[1],
    },
    url.href,
  );
  return paper ? [{ paper, anchor: heading ?? undefined, placement: 'append' }] : [];
}

export const arxiv: SiteAdapter = {
  id: 'arxiv',
  name: 'arXiv',
  hosts: ['arxiv.org'],
  examples: ['https://arxiv.org/abs/1706.03762', 'https://arxiv.org/abs/2106.09608v2'],
  detect(doc, url) {
    if (/^\/abs\//.test(url.pathname)) return detectAbs(doc, url);
    return [];
  },
};
