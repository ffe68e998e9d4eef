// Field filters, checked on the record itself (not the text index) so they are always exact.
import type { Paper } from '../paper/schema';
import { words } from './normalize';
import { normalizeTag, type Filter, type FilterClause } from './query';

/**
 * What the index keeps of a paper: what a row shows, the filters, the sorts and the tag counts
 * need. The rest (the abstract, ids, links…) stays in the database, read when the details view
 * asks: at 100,000 papers the abstracts alone were ~100 MB of the popup's heap.
 */
export type IndexedPaper = Pick<
  Paper,
  'key' | 'title' | 'authors' | 'year' | 'venue' | 'tags' | 'status' | 'starred' | 'note' | 'addedAt' | 'updatedAt'
>;
/** What the index is given: a paper (or what it keeps of one), with its abstract if any. */
export type IndexablePaper = IndexedPaper & { abstract?: string };

/** A paper with the folded forms the filters need, computed once when indexed. */
export interface SearchDoc {
  paper: IndexedPaper;
  tags: string[];
  /** " geoffrey e hinton| yann lecun": one `includes` answers a one-word author filter. */
  authorText: string;
  hasAbstract: boolean;
}

/**
 * Equal strings met again (authors, venues, tags repeat across a library) are kept once: the
 * records read from IndexedDB each bring their own copies.
 */
export class StringPool {
  private pool = new Map<string, string>();
  get(s: string): string {
    const got = this.pool.get(s);
    if (got !== undefined) return got;
    this.pool.set(s, s);
    return s;
  }
}

/** The kept part of `paper`; with a pool, its repeated strings are shared. */
export function keptPaper(p: IndexablePaper, pool?: StringPool): IndexedPaper {
  const s = pool ? (x: string) => pool.get(x) : (x: string) => x;
  const kept: IndexedPaper = {
    key: p.key,
    title: p.title,
    authors: p.authors.map(s),
    tags: p.tags.map(s),
    status: p.status,
    starred: p.starred,
    note: p.note,
    addedAt: p.addedAt,
    updatedAt: p.updatedAt,
  };
  if (p.year !== undefined) kept.year = p.year;
  if (p.venue !== undefined) kept.venue = s(p.venue);
  return kept;
}

export function toSearchDoc(paper: IndexablePaper, pool?: StringPool, authorWords: string[][] = paper.authors.map(words)): SearchDoc {
  const kept = keptPaper(paper, pool);
  return {
    paper: kept,
    tags: kept.tags.map((t) => {
      const n = normalizeTag(t);
      return n === t ? t : pool ? pool.get(n) : n;
    }),
    authorText: authorWords.map((ws) => ' ' + ws.join(' ')).join('|'),
    hasAbstract: !!paper.abstract?.trim(),
  };
}

export function matchesFilter(d: SearchDoc, f: Filter): boolean {
  const p = d.paper;
  switch (f.kind) {
    case 'tag':
      return d.tags.includes(f.tag);
    case 'status':
      return p.status === f.status;
    case 'year':
      return p.year !== undefined && p.year >= f.min && p.year <= f.max;
    case 'starred':
      return p.starred;
    case 'has':
      if (f.field === 'note') return p.note.trim() !== '';
      if (f.field === 'tag') return p.tags.length > 0;
      return d.hasAbstract;
    case 'author':
      if (f.words.length === 1) return d.authorText.includes(' ' + f.words[0]);
      return d.authorText.split('|').some((name) => {
        const ws = name.slice(1).split(' ');
        return f.words.every((q) => ws.some((w) => w.startsWith(q)));
      });
  }
}

export function matchesAll(d: SearchDoc, clauses: readonly FilterClause[]): boolean {
  for (const c of clauses) if (matchesFilter(d, c.filter) === c.negated) return false;
  return true;
}
