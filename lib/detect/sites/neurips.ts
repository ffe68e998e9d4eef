// NeurIPS proceedings: year listings (`ul.paper-list`) and paper pages (citation_* meta).
import { textOf } from '../../paper/text';
import { entries, hrefOf, lazyEntry, metaPaper, splitNames } from '../dom';
import type { Detection, SiteAdapter } from '../types';
import { qs } from '../select';

const VENUE = 'Advances in Neural Information Processing Systems';
const yearIn = (u: URL) => /^\/paper(?:_files\/paper)?\/(\d{4})(?:\/|$)/.exec(u.pathname)?.[1];

/** One URL per paper whatever the host or path generation (`/paper/<y>/hash/…` redirects). */
function canon(u: URL): string {
  const m = /^\/paper(?:_files\/paper)?\/(\d{4})\/hash\/(\w+-Abstract[\w-]*\.html)$/.exec(u.pathname);
  return m ? `https://proceedings.neurips.cc/paper_files/paper/${m[1]}/hash/${m[2]}` : u.href;
}

function parseEntry(li: Element, url: URL): Detection | null {
  const a = qs(li, 'a[href*="-Abstract"]');
  const u = hrefOf(a, url);
  if (!a || !u) return null;
  const abs = canon(u);
  // A year lists thousands of papers: the rest of each is read when the paper is (lazyEntry).
  const input = { ids: { url: abs }, title: textOf(a), year: yearIn(url), venue: VENUE, type: 'conference' as const, absUrl: abs, source: 'neurips' };
  const more = () => ({
    authors: splitNames(qs(li, '.paper-authors, i')?.textContent),
    pdfUrl: abs
      .replace('/hash/', '/file/')
      .replace('-Abstract', '-Paper')
      .replace(/\.html$/, '.pdf'),
  });
  return lazyEntry(input, more, url, a, 'after');
}

export const neurips: SiteAdapter = {
  id: 'neurips',
  name: 'NeurIPS Proceedings',
  hosts: ['proceedings.neurips.cc', 'papers.nips.cc', 'papers.neurips.cc'],
  examples: [
    'https://proceedings.neurips.cc/paper_files/paper/2023',
    'https://proceedings.neurips.cc/paper_files/paper/2023/hash/0001ca33ba34ce0351e4612b744b3936-Abstract-Conference.html',
    'https://papers.nips.cc/paper/2019',
  ],
  entrySelector: 'ul.paper-list > li',
  parseEntry,
  detect(doc, url) {
    const list = entries(doc, 'ul.paper-list > li', parseEntry, url);
    if (list.length) return list;
    const abs = canon(url);
    const h4 = doc.querySelector('h4');
    return metaPaper(
      doc,
      url,
      { ids: { url: abs }, absUrl: abs, venue: VENUE, type: 'conference', source: 'neurips', year: yearIn(url) },
      { title: textOf(h4) },
      h4,
    );
  },
};
