// What a metadata service tells us about a paper: a partial PaperMeta, already cleaned.
import type { Identifiers, PaperMeta } from '../paper/schema';

type Fields =
  | 'title'
  | 'authors'
  | 'year'
  | 'date'
  | 'venue'
  | 'type'
  | 'abstract'
  | 'arxivCategory'
  | 'arxivVersion'
  | 'volume'
  | 'number'
  | 'pages'
  | 'publisher';

export type Completion = Partial<Pick<PaperMeta, Fields>> & {
  ids: Identifiers;
  /** Which service said so (for tests and debugging). */
  from: string;
};

/** A completion that names a published version: a venue and a journal or conference type. */
export function isPublished(c: Pick<Completion, 'venue' | 'type'>): boolean {
  return !!c.venue && (c.type === 'journal' || c.type === 'conference');
}

/** DOIs that name a preprint, not its published version (arXiv's DataCite DOIs, bioRxiv/medRxiv). */
export function isPreprintDoi(doi: string | undefined): boolean {
  return !!doi && /^10\.(48550|1101)\//i.test(doi);
}

/** Drops undefined, empty strings and empty lists so that a completion only holds what it knows. */
export function compact<T extends object>(o: T): T {
  for (const [k, v] of Object.entries(o))
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) delete (o as Record<string, unknown>)[k];
  return o;
}
