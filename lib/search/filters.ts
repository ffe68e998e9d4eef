// Field filters, checked on the record itself (not the text index) so they are always exact.
import type { Paper } from '../paper/schema';
import { fold, words } from './normalize';
import { normalizeTag, type Filter, type FilterClause } from './query';

/** A paper with the folded forms the filters and sorts need, computed once when indexed. */
export interface SearchDoc {
  paper: Paper;
  tags: string[];
  authorWords: string[][];
  /** " geoffrey e hinton| yann lecun": one `includes` answers a one-word author filter. */
  authorText: string;
  titleKey: string;
}

export function toSearchDoc(paper: Paper): SearchDoc {
  const authorWords = paper.authors.map(words);
  return {
    paper,
    tags: paper.tags.map(normalizeTag),
    authorWords,
    authorText: authorWords.map((ws) => ' ' + ws.join(' ')).join('|'),
    titleKey: fold(paper.title).trim(),
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
      return !!p.abstract?.trim();
    case 'author':
      if (f.words.length === 1) return d.authorText.includes(' ' + f.words[0]);
      return d.authorWords.some((name) => f.words.every((q) => name.some((w) => w.startsWith(q))));
  }
}

export function matchesAll(d: SearchDoc, clauses: readonly FilterClause[]): boolean {
  for (const c of clauses) if (matchesFilter(d, c.filter) === c.negated) return false;
  return true;
}
