// dblp: person, venue, search and record pages all list `li.entry` rows whose id is the dblp key.
import type { PaperType } from '../../paper/schema';
import { textOf } from '../../paper/text';
import { entries, idsOfLinks, lazyEntry, textsOf } from '../dom';
import type { Detection, SiteAdapter } from '../types';
import { qs, qsa } from '../select';

const TYPES: Record<string, PaperType | undefined> = { article: 'journal', inproceedings: 'conference', informal: 'preprint' };

/** The entry's dblp key: its id (`conf/aaai/PeelC15`), else the "dblp key:" its menu shows. */
export function dblpKey(li: Element): string | undefined {
  return [li.id, textOf(qs(li, '.select-on-click small'))].map((k) => k.replace(/^DBLP:/, '')).find((k) => /^[a-z]+\/\S+$/i.test(k));
}

/**
 * One `li.entry`. Person pages run to a thousand entries and more: the identifiers (the key and
 * what the ee links give) and the title come at once, the rest when the paper is read.
 */
function parseEntry(li: Element, url: URL): Detection | null {
  const key = dblpKey(li);
  const title = qs(li, '.title');
  if (!key || !title) return null;
  const input = {
    // ee links (doi.org, arxiv.org/abs) give the paper's own identifiers.
    ids: { ...idsOfLinks(qsa(li, 'nav a[href]')), dblp: key },
    title: textOf(title).replace(/\.$/, ''),
    type: [...li.classList].map((c) => TYPES[c]).find(Boolean) ?? 'other',
    absUrl: `https://dblp.org/rec/${key}.html`,
    source: 'dblp',
  };
  const more = () => {
    const date = qs(li, '[itemprop=datePublished]');
    return {
      // Homonyms carry a number: "Wei Wang 0001".
      authors: textsOf(li, '[itemprop=author] [itemprop=name]').map((a) => a.replace(/ \d{4}$/, '')),
      year: textOf(date) || (date?.getAttribute('content') ?? undefined),
      venue: textOf(qs(li, '[itemprop=isPartOf] [itemprop=name]')),
      pages: textOf(qs(li, '[itemprop=pagination]')),
    };
  };
  return lazyEntry(input, more, url, title, 'after');
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
