// The library search: an incremental in-memory index plus `search(index, query, options)`.
//
// Own index rather than MiniSearch 7.2, by measurement (`node tests/bench/search.mjs`, seeded
// generated library, Node 20, CPU ms per keystroke p95 while typing "transformer attention" /
// "tag:ml graph" / "author:hint year:>2018"; shared 2-core machine, so wall times were 2-10x higher):
//   10k:  own 6.6 / 8.2 / 2.8 ms, 19 MB, build 0.7 s;  MiniSearch 135 / 102 / 77 ms, 58 MB
//   100k: own 21 / 67 / 34 ms, 181 MB, build 7.7 s;    MiniSearch 5494 / 7359 / 339 ms, 619 MB, build 299 s wall
// MiniSearch scores every prefix/fuzzy expansion into per-doc objects; packed postings with
// typed-array scratch, cached per-word hits and precomputed sort ranks keep a keystroke cheap.
import { AuthorIndex } from './authors';
import { matchesAll, StringPool, toSearchDoc, type IndexablePaper, type IndexedPaper, type SearchDoc } from './filters';
import { InvertedIndex, type Hits } from './inverted';
import { words } from './normalize';
import { narrows } from './narrow';
import { PhraseStore } from './phrases';
import { parseQuery, type FilterClause, type ParsedQuery, type TextTerm } from './query';
import { pageByRank, rankDocs, relevanceComparator, topK, type SortOrder } from './sort';

export type { SortOrder } from './sort';
export type { IndexablePaper, IndexedPaper } from './filters';

export interface SearchOptions {
  /** Default: 'relevance' when the query has words, else 'added' (newest first). */
  sort?: SortOrder;
  limit?: number;
  offset?: number;
}

export interface SearchResult {
  keys: string[];
  total: number;
}

export interface SearchIndex {
  readonly size: number;
  /** Adds or, when the key is already indexed, replaces. */
  add(paper: IndexablePaper): void;
  update(paper: IndexablePaper): void;
  remove(key: string): void;
  /** What the index keeps of the paper (not its abstract, ids or links: ask the database). */
  get(key: string): IndexedPaper | undefined;
  /** Every indexed paper, in no particular order. */
  papers(): IterableIterator<IndexedPaper>;
}

export function createSearchIndex(papers: Iterable<IndexablePaper> = []): SearchIndex {
  return new LibraryIndex(papers);
}

/** Rebuild once this share of ids are dead (removed or superseded by an update). */
const COMPACT_RATIO = 0.5;
const COMPACT_MIN = 1000;
const CACHE_SIZE = 32;
/** Match sets kept for narrowing (typing `author:hint year` then `year:` goes back two). */
const RECENT = 8;

interface Match {
  terms: string;
  filters: readonly FilterClause[];
  ids: Uint32Array;
  scores: Float32Array;
}

class LibraryIndex implements SearchIndex {
  docs: (SearchDoc | undefined)[] = [];
  private ids = new Map<string, number>();
  private inverted = new InvertedIndex();
  private phrases = new PhraseStore();
  private pool = new StringPool();
  private dead = 0;
  /** Hits per text term, kept while nothing changes: typing re-asks the earlier words. */
  private cache = new Map<string, Hits>();
  /** Doc ids (ascending, dead ones included) per folded tag: `tag:` needs no scan. */
  tagIds = new Map<string, number[]>();
  /** Doc ids per folded author word: `author:` needs no scan. */
  authors = new AuthorIndex();
  /** False only in tests, to compare the postings path against the scan. */
  authorPostings = true;
  /** The last searches' matches, while nothing changes: newest first. */
  recent: Match[] = [];

  constructor(papers: Iterable<IndexablePaper>) {
    for (const p of papers) this.add(p);
  }

  get size(): number {
    return this.ids.size;
  }

  add(paper: IndexablePaper): void {
    this.insert(paper, textWords(paper));
  }

  private insert(paper: IndexablePaper, t: TextWords, hasAbstract?: boolean): void {
    this.changed();
    const old = this.ids.get(paper.key);
    if (old !== undefined) this.drop(old);
    const id = this.docs.length;
    const doc = toSearchDoc(paper, this.pool, t.authors);
    if (hasAbstract !== undefined) doc.hasAbstract = hasAbstract;
    this.docs.push(doc);
    for (const tag of new Set(doc.tags)) {
      const ids = this.tagIds.get(tag);
      if (ids) ids.push(id);
      else this.tagIds.set(tag, [id]);
    }
    this.ids.set(doc.paper.key, id);
    this.authors.add(id, t.authors);
    this.inverted.add(id, [t.title, t.authors.flat(), t.tags.flat(), t.venue, t.note, t.abstract]);
    const termIds = (ws: string[]) => ws.map((w) => this.inverted.termId(w));
    this.phrases.add(id, [t.title, t.venue, t.note, t.abstract, ...t.authors, ...t.tags].map(termIds));
    this.maybeCompact();
  }

  update(paper: IndexablePaper): void {
    this.add(paper);
  }

  remove(key: string): void {
    const id = this.ids.get(key);
    if (id === undefined) return;
    this.changed();
    this.ids.delete(key);
    this.drop(id);
    this.maybeCompact();
  }

  get(key: string): IndexedPaper | undefined {
    const id = this.ids.get(key);
    return id === undefined ? undefined : this.docs[id]!.paper;
  }

  *papers(): IterableIterator<IndexedPaper> {
    for (const d of this.docs) if (d) yield d.paper;
  }

  liveIds(): number[] {
    return [...this.ids.values()];
  }

  private ranks = new Map<SortOrder, Uint32Array>();

  rank(order: Exclude<SortOrder, 'relevance'>): Uint32Array {
    let r = this.ranks.get(order);
    if (!r) this.ranks.set(order, (r = rankDocs(order, this.docs)));
    return r;
  }

  private sorted = new Map<SortOrder, Uint32Array>();

  /** The live ids in `order`. */
  inOrder(order: Exclude<SortOrder, 'relevance'>): Uint32Array {
    let ids = this.sorted.get(order);
    if (!ids) {
      const rank = this.rank(order);
      ids = new Uint32Array(this.size);
      for (const id of this.ids.values()) ids[rank[id]] = id;
      this.sorted.set(order, ids);
    }
    return ids;
  }

  /** The smallest recent match set this query's matches must be among, if any. */
  narrowest(terms: string, filters: readonly FilterClause[]): Match | undefined {
    let best: Match | undefined;
    for (const m of this.recent) if (m.terms === terms && narrows(m.filters, filters) && (!best || m.ids.length < best.ids.length)) best = m;
    return best;
  }

  remember(m: Match): void {
    this.recent = [m, ...this.recent.filter((r) => r.terms !== m.terms || JSON.stringify(r.filters) !== JSON.stringify(m.filters))].slice(0, RECENT);
  }

  private changed(): void {
    this.cache.clear();
    this.ranks.clear();
    this.recent = [];
    this.sorted.clear();
  }

  /** Per-doc scratch reused by every search (fresh 100k-entry arrays per keystroke cost GC time). */
  private scratchSize = 0;
  count = new Uint8Array(0);
  score = new Float32Array(0);
  excluded = new Uint8Array(0);

  scratch(): this {
    if (this.scratchSize < this.docs.length) {
      this.scratchSize = Math.max(1024, this.docs.length * 2);
      this.count = new Uint8Array(this.scratchSize);
      this.score = new Float32Array(this.scratchSize);
      this.excluded = new Uint8Array(this.scratchSize);
    }
    return this;
  }

  /** Docs present in every part, with summed scores. */
  intersect(parts: Hits[]): Hits {
    if (parts.length === 1) return parts[0];
    const order = [...parts].sort((a, b) => a.ids.length - b.ids.length);
    const { count, score } = this.scratch();
    for (let k = 0; k < order.length; k++) {
      const { ids, scores } = order[k];
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i];
        if (count[id] === k) {
          count[id] = k + 1;
          score[id] += scores[i];
        }
      }
    }
    const first = order[0].ids;
    let n = 0;
    const ids = new Uint32Array(first.length);
    const scores = new Float32Array(first.length);
    for (let i = 0; i < first.length; i++) {
      const id = first[i];
      if (count[id] === order.length) {
        ids[n] = id;
        scores[n++] = score[id];
      }
      count[id] = 0;
      score[id] = 0;
    }
    return { ids: ids.slice(0, n), scores: scores.slice(0, n) };
  }

  termHits(term: TextTerm): Hits {
    const key = JSON.stringify(term.words) + (term.phrase ? 'p' : '') + (term.negated ? 'n' : '');
    let hits = this.cache.get(key);
    if (!hits) {
      hits = term.phrase ? this.phraseHits(term.words) : this.inverted.match(term.words[0], { prefix: true, fuzzy: !term.negated });
      if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, hits);
    }
    return hits;
  }

  /** Words found exactly (the last one also as a prefix), then checked to be contiguous. */
  private phraseHits(phrase: string[]): Hits {
    const parts = phrase.map((w, i) => this.inverted.match(w, { prefix: i === phrase.length - 1, fuzzy: false }));
    const { ids, scores } = this.intersect(parts);
    const exact = phrase.slice(0, -1).map((w) => this.inverted.termId(w));
    const lastWord = phrase[phrase.length - 1];
    const last = (term: number) => this.inverted.term(term).startsWith(lastWord);
    const keep: number[] = [];
    for (let i = 0; i < ids.length; i++) if (this.phrases.has(ids[i], exact, last)) keep.push(i);
    return { ids: Uint32Array.from(keep, (i) => ids[i]), scores: Float32Array.from(keep, (i) => scores[i]) };
  }

  /**
   * Ascending doc ids (dead ones included) holding every doc the positive tag and author filters
   * allow (the rarest filter's), or undefined: every doc.
   */
  candidates(filters: readonly FilterClause[]): ArrayLike<number> | undefined {
    let best: ArrayLike<number> | undefined;
    for (const { filter, negated } of filters) {
      if (negated) continue;
      let ids: ArrayLike<number>;
      if (filter.kind === 'tag') ids = this.tagIds.get(filter.tag) ?? [];
      else if (filter.kind === 'author' && this.authorPostings) ids = this.authors.candidates(filter.words, this.docs.length);
      else continue;
      if (!best || ids.length < best.length) best = ids;
    }
    return best;
  }

  private drop(id: number): void {
    this.docs[id] = undefined;
    this.inverted.remove(id);
    this.dead++;
  }

  private maybeCompact(): void {
    if (this.dead < COMPACT_MIN || this.dead < this.docs.length * COMPACT_RATIO) return;
    // The texts are not kept: their words come back from the phrase store's term ids.
    const { docs, phrases, inverted } = this;
    const live = this.liveIds().sort((a, b) => a - b);
    this.docs = [];
    this.ids.clear();
    this.tagIds.clear();
    this.authors = new AuthorIndex();
    this.dead = 0;
    this.inverted = new InvertedIndex();
    this.phrases = new PhraseStore();
    for (const id of live) {
      const d = docs[id]!;
      const [title, venue, note, abstract, ...rest] = phrases.texts(id).map((ids) => ids.map((t) => inverted.term(t)));
      const n = d.paper.authors.length;
      this.insert(d.paper, { title, venue, note, abstract, authors: rest.slice(0, n), tags: rest.slice(n) }, d.hasAbstract);
    }
  }
}

interface TextWords {
  title: string[];
  authors: string[][];
  tags: string[][];
  venue: string[];
  note: string[];
  abstract: string[];
}

/** The folded words of each text of a paper; authors and tags one list each. */
function textWords(p: IndexablePaper): TextWords {
  return {
    title: words(p.title),
    authors: p.authors.map(words),
    tags: p.tags.map(words),
    venue: words(p.venue ?? ''),
    note: words(p.note),
    abstract: words(p.abstract ?? ''),
  };
}

export function search(index: SearchIndex, query: ParsedQuery | string, options: SearchOptions = {}): SearchResult {
  const lib = index as LibraryIndex;
  const q = typeof query === 'string' ? parseQuery(query) : query;
  const positive = q.terms.filter((t) => !t.negated);
  const { docs } = lib;
  const { score, excluded } = lib.scratch();
  const negatives = q.terms.filter((t) => t.negated).map((t) => lib.termHits(t).ids);
  for (const ids of negatives) for (let i = 0; i < ids.length; i++) excluded[ids[i]] = 1;

  const order = options.sort ?? (positive.length ? 'relevance' : 'added');
  const offset = Math.max(0, options.offset ?? 0);
  const limit = options.limit ?? Infinity;
  if (!q.terms.length && !q.filters.length) {
    // The whole library: a page of the order, no scan.
    const ids = lib.inOrder(order === 'relevance' ? 'updated' : order);
    const page = ids.subarray(offset, Math.min(ids.length, offset + limit));
    return { keys: Array.from(page, (id) => docs[id]!.paper.key), total: ids.length };
  }
  const result: number[] = [];
  const terms = JSON.stringify(q.terms);
  const last = lib.narrowest(terms, q.filters);
  if (last) {
    // Same words, filters only narrowed: the matches are among the last ones.
    for (let i = 0; i < last.ids.length; i++) {
      const id = last.ids[i];
      if (matchesAll(docs[id]!, q.filters)) {
        result.push(id);
        score[id] = last.scores[i];
      }
    }
  } else if (positive.length) {
    const { ids, scores } = lib.intersect(positive.map((t) => lib.termHits(t)));
    const candidates = lib.candidates(q.filters);
    if (candidates && candidates.length < ids.length) {
      // Fewer papers with the tag than with the words: look the tagged ones up among the hits.
      for (let i = 0; i < ids.length; i++) score[ids[i]] = scores[i];
      for (let i = 0; i < candidates.length; i++) {
        const id = candidates[i];
        if (score[id] > 0 && !excluded[id] && docs[id] && matchesAll(docs[id], q.filters)) result.push(id);
      }
      const kept = Float32Array.from(result, (id) => score[id]);
      for (let i = 0; i < ids.length; i++) score[ids[i]] = 0;
      result.forEach((id, i) => (score[id] = kept[i]));
    } else {
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i];
        if (!excluded[id] && matchesAll(docs[id]!, q.filters)) {
          result.push(id);
          score[id] = scores[i];
        }
      }
    }
  } else {
    const candidates = lib.candidates(q.filters);
    for (let i = 0, n = candidates ? candidates.length : docs.length; i < n; i++) {
      const id = candidates ? candidates[i] : i;
      const d = docs[id];
      if (d && !excluded[id] && matchesAll(d, q.filters)) result.push(id);
    }
  }
  // Copied: the page below may sort `result` in place.
  lib.remember({ terms, filters: q.filters, ...copied(result, score) });
  const page =
    order !== 'relevance'
      ? pageByRank(result, lib.rank(order), offset, limit)
      : positive.length
        ? topK(result, relevanceComparator(score, lib.rank('updated')), offset + limit).slice(offset)
        : pageByRank(result, lib.rank('updated'), offset, limit);

  for (const ids of negatives) for (let i = 0; i < ids.length; i++) excluded[ids[i]] = 0;
  for (const id of result) score[id] = 0;
  return { keys: page.map((id) => docs[id]!.paper.key), total: result.length };
}

/** The ids and their scores as typed arrays, by plain loops: `TypedArray.from` with a mapping
 *  function took ~7 ms for the 98k hits of a one-letter query. */
function copied(result: readonly number[], score: Float32Array): { ids: Uint32Array; scores: Float32Array } {
  const ids = new Uint32Array(result.length);
  const scores = new Float32Array(result.length);
  for (let i = 0; i < result.length; i++) {
    ids[i] = result[i];
    scores[i] = score[result[i]];
  }
  return { ids, scores };
}

/** For tests: answer `author:` by scanning every paper (the reference the postings must match). */
export function scanAuthors(index: SearchIndex, scan = true): void {
  (index as LibraryIndex).authorPostings = !scan;
}
