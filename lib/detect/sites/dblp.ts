// dblp: person, venue, search and record pages all list `li.entry` rows whose id is the dblp key.
import { makePaper } from '../../paper/make';
import type { PaperType } from '../../paper/schema';
import { textOf } from '../../paper/text';
import { entries, idsOfLinks, textsOf } from '../dom';
import type { Detection, SiteAdapter } from '../types';
import { qs, qsa } from '../select';

const TYPES: Record<string, PaperType | undefined> = { article: 'journal', inproceedings: 'conference', informal: 'preprint' };

/** The entry's dblp key: its id (`conf/aaai/PeelC15`), else the "dblp key:" its menu shows. */
export function dblpKey(li: Element): string | undefined {
  return [li.id, textOf(qs(li, '.select-on-click small'))].map((k) => k.replace(/^DBLP:/, '')).find((k) => /^[a-z]+\/\S+$/i.test(k));
}

function parseEntry(li: Element, url: URL): Detection | null {
  const key = dblpKey(li);
  const title = qs(li, '.title');
  if (!key || !title) return null;
  const date = qs(li, '[itemprop=datePublished]');
  const paper = makePaper(
    {
      // ee links (doi.org, arxiv.org/abs) give the paper's own identifiers.
      ids: { ...idsOfLinks(qsa(li, 'nav a[href]')), dblp: key },
      title: textOf(title).replace(/\.$/, ''),
      // Homonyms carry a number: "Wei Wang 0001".
      authors: textsOf(li, '[itemprop=author] [itemprop=name]').map((a) => a.replace(/ \d{4}$/, '')),
      year: textOf(date) || (date?.getAttribute('content') ?? undefined),
      venue: textOf(qs(li, '[itemprop=isPartOf] [itemprop=name]')),
      type: [...li.classList].map((c) => TYPES[c]).find(Boolean) ?? 'other',
      pages: textOf(qs(li, '[itemprop=pagination]')),
      absUrl: `https://dblp.org/rec/${key}.html`,
      source: 'dblp',
    },
    url.href,
  );
  return paper && { paper, anchor: title, placement: 'after' };
}

export const dblp: SiteAdapter = {
  id: 'dblp',
  name: 'dblp',
  hosts: ['dblp.org', 'dblp.uni-trier.de', 'dblp.dagstuhl.de'],
  examples: [
    'https://dblp.org/pid/27/2009.html',
    'https://dblp.uni-trier.de/pers/hd/c/Clauset:Aaron',
    'https://dblp.org/db/conf/aaai/aaai2015.html',
    'https://dblp.org/search?q=community+detection',
  ],
  entrySelector: 'li.entry',
  parseEntry,
  detect: (doc, url) => entries(doc, 'li.entry', parseEntry, url),
};
