// Finding the other record of the same paper when no identifier links them: same title, same
// first author's family name, years at most one apart (a preprint often precedes its venue),
// and exactly one of the two is a preprint.
import type { Paper } from '../paper/schema';
import { isPreprintDoi } from './completion';
import { isPreprintRecord } from './merge';

export function titleKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** "Ashish Vaswani" / "Vaswani, Ashish" → "vaswani". */
export function familyKey(author: string | undefined): string {
  if (!author) return '';
  const family = author.includes(',') ? author.split(',')[0] : (author.trim().split(/\s+/).pop() ?? '');
  return titleKey(family);
}

function conflicting(a: Paper, b: Paper): boolean {
  if (a.ids.arxiv && b.ids.arxiv && a.ids.arxiv !== b.ids.arxiv) return true;
  const da = a.ids.doi && !isPreprintDoi(a.ids.doi) ? a.ids.doi : undefined;
  const db = b.ids.doi && !isPreprintDoi(b.ids.doi) ? b.ids.doi : undefined;
  return !!da && !!db && da !== db;
}

export function sameWork(a: Paper, b: Paper): boolean {
  if (a.key === b.key) return false;
  const t = titleKey(a.title);
  if (t.length < 12 || t !== titleKey(b.title)) return false;
  const fam = familyKey(a.authors[0]);
  if (!fam || fam !== familyKey(b.authors[0])) return false;
  if (!a.year || !b.year || Math.abs(a.year - b.year) > 1) return false;
  return isPreprintRecord(a) !== isPreprintRecord(b) && !conflicting(a, b);
}

/** The record in `library` that is the same work as `p`, if exactly one is. */
export function findSameWork(p: Paper, library: Paper[]): Paper | undefined {
  const hits = library.filter((q) => sameWork(p, q));
  return hits.length === 1 ? hits[0] : undefined;
}
