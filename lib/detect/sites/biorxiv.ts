// bioRxiv / medRxiv: article pages (citation_* meta) and Highwire listings (collections, search, TOC).
import { makePaper } from '../../paper/make';
import { textOf, yearOf } from '../../paper/text';
import { entries, metaPaper, textsOf } from '../dom';
import type { Detection, SiteAdapter } from '../types';
import { qs } from '../select';

const venue = (u: URL) => (/medrxiv/i.test(u.hostname) ? 'medRxiv' : 'bioRxiv');
/** `10.1101/2024.01.02.573456` from a DOI line or a `/content/10.1101/…v2.full` path. */
const doiIn = (s: string | null | undefined) => /10\.1101\/[^\s?#]+?(?=v\d+\b|\.full|\.abstract|[\s?#]|$)/.exec(s ?? '')?.[0];

const ENTRY = 'div.highwire-article-citation, li.search-result';

function parseEntry(el: Element, url: URL): Detection | null {
  const a = qs(el, 'a.highwire-cite-linked-title');
  const href = a?.getAttribute('href');
  // A search result wraps a citation div, which is an entry of its own.
  if (!a || !href || (el.matches('li') && qs(el, ENTRY))) return null;
  const doi = doiIn(textOf(qs(el, '.highwire-cite-metadata-doi'))) ?? doiIn(href);
  const paper = makePaper(
    {
      ids: { doi },
      title: textOf(a),
      authors: textsOf(el, '.highwire-citation-author'),
      year: yearOf(doi),
      venue: venue(url),
      type: 'preprint',
      absUrl: href,
      source: venue(url).toLowerCase(),
    },
    url.href,
  );
  return paper && { paper, anchor: a, placement: 'after' };
}

export const biorxiv: SiteAdapter = {
  id: 'biorxiv',
  name: 'bioRxiv / medRxiv',
  hosts: ['biorxiv.org', 'medrxiv.org'],
  examples: [
    'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3',
    'https://www.medrxiv.org/collection/infectious-diseases',
    'https://www.biorxiv.org/search/crispr',
  ],
  entrySelector: ENTRY,
  parseEntry,
  detect(doc, url) {
    const doi = /^\/content\/10\.1101\//.test(url.pathname) && doiIn(url.pathname);
    if (!doi) return entries(doc, ENTRY, parseEntry, url);
    const base = { title: textOf(doc.querySelector('h1#page-title')), year: yearOf(doi) };
    return metaPaper(doc, url, { ids: { doi }, venue: venue(url), type: 'preprint', source: venue(url).toLowerCase() }, base);
  },
};
