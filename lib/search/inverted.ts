// Inverted index of folded words → (doc id, field mask) postings in growable typed arrays.
// Removal only clears the doc's `alive` flag; SearchIndex rebuilds once dead ids pile up.
// Prefix lookups use a sorted term list, typo lookups scan the terms of neighbouring lengths.
import { lowerBound, mergeSorted } from './sorted';

/** Field order is rank order: bit 0 (title) outranks bit 1 (authors)… */
export const FIELDS = ['title', 'authors', 'tags', 'venue', 'note', 'abstract'] as const;
const FIELD_WEIGHT = [32, 16, 8, 4, 2, 1];
/** Chosen so a better field always wins over a better kind of match: title-fuzzy > authors-exact. */
export const KIND_WEIGHT = { exact: 1, prefix: 0.8, fuzzy: 0.55 } as const;
/** Best field's weight, plus a little for each other field holding the word. */
const MASK_SCORE = Float32Array.from({ length: 1 << FIELDS.length }, (_, mask) => {
  let best = 0;
  let sum = 0;
  for (let b = 0; b < FIELDS.length; b++) {
    if (!(mask & (1 << b))) continue;
    best = Math.max(best, FIELD_WEIGHT[b]);
    sum += FIELD_WEIGHT[b];
  }
  return best + 0.02 * (sum - best);
});

export const FUZZY_MIN_LENGTH = 5;

/** Doc ids with their field masks, packed as `id << 6 | mask`, in insertion order. */
class Postings {
  data = new Uint32Array(2);
  n = 0;
  /** The term's id (from 1, in the order terms were met), for phrase sequences. */
  constructor(readonly id: number) {}
  /** Adds field `bit` for doc `id`; consecutive calls for the same doc merge. */
  add(id: number, bit: number): void {
    const last = this.n - 1;
    if (last >= 0 && this.data[last] >>> 6 === id) {
      this.data[last] |= bit;
      return;
    }
    if (this.n === this.data.length) {
      const data = new Uint32Array(this.n * 2);
      data.set(this.data);
      this.data = data;
    }
    this.data[this.n++] = (id << 6) | bit;
  }
}

/** Best score of one query word per matching doc; parallel arrays. */
export interface Hits {
  ids: Uint32Array;
  scores: Float32Array;
}

export interface MatchOptions {
  prefix: boolean;
  fuzzy: boolean;
}

export class InvertedIndex {
  private terms = new Map<string, Postings>();
  /** termOf[id] is the term of that id (termOf[0] is unused). */
  private termOf: string[] = [''];
  private sorted: string[] = [];
  /** New terms not yet merged into `sorted` (adding one by one must not splice 100k times). */
  private pending: string[] = [];
  private byLength: string[][] = [];
  private alive = new Uint8Array(1024);
  /** Scratch of `match`: best score so far per doc, and the docs touched. */
  private best = new Float32Array(1024);
  private touched = new Uint32Array(1024);

  /** `fields[i]` holds the words of FIELDS[i]. Ids must be fresh (never reused). */
  add(id: number, fields: readonly (readonly string[])[]): void {
    this.grow(id + 1);
    this.alive[id] = 1;
    for (let f = 0; f < fields.length; f++) {
      for (const w of fields[f]) {
        let p = this.terms.get(w);
        if (!p) {
          p = new Postings(this.termOf.length);
          this.termOf.push(w);
          this.terms.set(w, p);
          (this.byLength[w.length] ??= []).push(w);
          this.pending.push(w);
        }
        p.add(id, 1 << f);
      }
    }
  }

  /** The id of an indexed term, or 0. */
  termId(word: string): number {
    return this.terms.get(word)?.id ?? 0;
  }

  term(id: number): string {
    return this.termOf[id];
  }

  remove(id: number): void {
    if (id < this.alive.length) this.alive[id] = 0;
  }

  /** Docs holding `word` exactly, as a prefix of a longer word, or one edit away. */
  match(word: string, opts: MatchOptions): Hits {
    this.sortTerms();
    let found = 0;
    const visit = (term: string, kind: number) => {
      const { data, n } = this.terms.get(term)!;
      const { alive, best, touched } = this;
      for (let i = 0; i < n; i++) {
        const id = data[i] >>> 6;
        if (!alive[id]) continue;
        const s = MASK_SCORE[data[i] & 63] * kind;
        if (best[id] === 0) touched[found++] = id;
        if (s > best[id]) best[id] = s;
      }
    };
    if (this.terms.has(word)) visit(word, KIND_WEIGHT.exact);
    if (opts.prefix) {
      for (let i = lowerBound(this.sorted, word); i < this.sorted.length && this.sorted[i].startsWith(word); i++) {
        if (this.sorted[i] !== word) visit(this.sorted[i], KIND_WEIGHT.prefix);
      }
    }
    if (opts.fuzzy && word.length >= FUZZY_MIN_LENGTH) {
      for (let len = word.length - 1; len <= word.length + 1; len++) {
        for (const t of this.byLength[len] ?? []) {
          if (t !== word && !(opts.prefix && t.startsWith(word)) && oneEdit(word, t)) visit(t, KIND_WEIGHT.fuzzy);
        }
      }
    }
    const ids = this.touched.slice(0, found);
    const scores = new Float32Array(found);
    for (let i = 0; i < found; i++) {
      scores[i] = this.best[ids[i]];
      this.best[ids[i]] = 0;
    }
    return { ids, scores };
  }

  private grow(size: number): void {
    if (size <= this.alive.length) return;
    const cap = Math.max(size, this.alive.length * 2);
    const alive = new Uint8Array(cap);
    alive.set(this.alive);
    this.alive = alive;
    this.best = new Float32Array(cap);
    this.touched = new Uint32Array(cap);
  }

  /** Merges the pending terms into the sorted list: O(terms) per batch of additions. */
  private sortTerms(): void {
    if (!this.pending.length) return;
    this.sorted = mergeSorted(this.sorted, this.pending);
    this.pending = [];
  }
}

/** True when a and b (lengths differing by at most one) are one substitution, insertion,
 *  deletion or adjacent transposition apart. */
export function oneEdit(a: string, b: string): boolean {
  if (a.length > b.length) [a, b] = [b, a];
  const la = a.length;
  const lb = b.length;
  if (lb - la > 1) return false;
  let i = 0;
  while (i < la && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la) return true;
  if (la === lb) {
    if (tailEqual(a, i + 1, b, i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && tailEqual(a, i + 2, b, i + 2);
  }
  return tailEqual(a, i, b, i + 1);
}

function tailEqual(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}
