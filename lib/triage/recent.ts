// "Seen recently" in the popup: the ledger's records searched like the library (every query word
// a prefix of a word of the title, authors, venue or where it was seen), each savable.
import { makePaper } from '../paper/make';
import type { Identifiers, PaperMeta } from '../paper/schema';
import { words } from '../search/normalize';
import type { SeenItem } from '../messaging/replies';

const PREFIXES: Record<string, keyof Identifiers> = {
  arxiv: 'arxiv',
  doi: 'doi',
  openreview: 'openreview',
  pmid: 'pmid',
  acl: 'acl',
  dblp: 'dblp',
  url: 'url',
};

/** The identifiers a ledger record's keys name (`arxiv:…`, `doi:…`, …). */
export function idsOfKeys(keys: string[]): Identifiers {
  const ids: Identifiers = {};
  for (const k of keys) {
    const i = k.indexOf(':');
    const field = PREFIXES[k.slice(0, i)];
    if (field && !ids[field]) ids[field] = k.slice(i + 1);
  }
  return ids;
}

/** A paper to save from a ledger record (metadata completion fills in the rest once saved). */
export function paperOfSeen(item: SeenItem): PaperMeta | null {
  const p = makePaper({
    ids: idsOfKeys([item.key, ...item.aliases]),
    title: item.title,
    authors: item.authors,
    year: item.year,
    venue: item.venue,
    source: 'seen',
  });
  // The record's own key wins: it is the key the listing showed.
  return p && p.key !== item.key && !item.aliases.includes(p.key) ? null : p && { ...p, key: item.key };
}

export function searchSeen(items: SeenItem[], query: string): SeenItem[] {
  const q = words(query);
  if (!q.length) return items;
  return items.filter((it) => {
    const text = words([it.title, ...it.authors, it.venue ?? '', it.firstWhere, it.lastWhere].join(' '));
    return q.every((w) => text.some((t) => t.startsWith(w)));
  });
}
