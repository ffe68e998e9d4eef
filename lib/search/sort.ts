// Result orders. Each non-relevance order is computed once over the whole library as a rank per
// doc id (until the library changes), so comparing two results is one subtraction; a bounded
// heap then picks a page of 50 out of 100k without sorting them all.
import type { SearchDoc } from './filters';
import { fold } from './normalize';

export const sortOrders = ['relevance', 'added', 'updated', 'year', 'title'] as const;
export type SortOrder = (typeof sortOrders)[number];
export type Compare = (a: number, b: number) => number;

/** Full comparator of a non-relevance order, newest-added first on ties. */
export function orderComparator(
  order: Exclude<SortOrder, 'relevance'>,
  docs: readonly (SearchDoc | undefined)[],
  titleKeys: readonly string[] = order === 'title' ? titleKeysOf(docs) : [],
): Compare {
  const p = (id: number) => docs[id]!.paper;
  const added: Compare = (a, b) => p(b).addedAt - p(a).addedAt || a - b;
  switch (order) {
    case 'added':
      return added;
    case 'updated':
      return (a, b) => p(b).updatedAt - p(a).updatedAt || added(a, b);
    case 'year':
      return (a, b) => (p(b).year ?? -Infinity) - (p(a).year ?? -Infinity) || added(a, b);
    case 'title':
      return (a, b) => {
        const ta = titleKeys[a];
        const tb = titleKeys[b];
        return ta < tb ? -1 : ta > tb ? 1 : added(a, b);
      };
  }
}

/** Folded titles by doc id, for the title order: computed when that order is asked, not kept. */
function titleKeysOf(docs: readonly (SearchDoc | undefined)[]): string[] {
  return docs.map((d) => (d ? fold(d.paper.title).trim() : ''));
}

/** rank[id] = position of doc `id` in `order` (dead ids get 0 and are never asked). */
export function rankDocs(order: Exclude<SortOrder, 'relevance'>, docs: readonly (SearchDoc | undefined)[]): Uint32Array {
  const ids: number[] = [];
  for (let id = 0; id < docs.length; id++) if (docs[id]) ids.push(id);
  ids.sort(orderComparator(order, docs));
  const rank = new Uint32Array(docs.length);
  ids.forEach((id, i) => {
    rank[id] = i;
  });
  return rank;
}

/** Relevance: higher score first; ties by `recency` rank (most recently updated first). */
export function relevanceComparator(score: ArrayLike<number>, recency: Uint32Array): Compare {
  return (a, b) => score[b] - score[a] || recency[a] - recency[b];
}

/** The first `k` ids in `cmp` order, sorted. */
export function topK(ids: number[], cmp: Compare, k: number): number[] {
  if (k <= 0) return [];
  if (k >= ids.length / 4) return ids.sort(cmp).slice(0, k);
  // Max-heap (by cmp) of the k best so far: its root is the worst of them.
  const heap: number[] = [];
  const worse = (i: number, j: number) => cmp(heap[i], heap[j]) > 0;
  for (const id of ids) {
    if (heap.length < k) {
      heap.push(id);
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(heap, i, (i - 1) >> 1);
    } else if (cmp(id, heap[0]) < 0) {
      heap[0] = id;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < k && worse(l, m)) m = l;
        if (r < k && worse(r, m)) m = r;
        if (m === i) break;
        swap(heap, i, m);
        i = m;
      }
    }
  }
  return heap.sort(cmp);
}

function swap(a: number[], i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** ids[offset, offset + limit) ordered by `rank`: a heap for a small page, else one pass over
 *  the ranks (linear, for the whole 100k list a virtual list asks for). */
export function pageByRank(ids: number[], rank: Uint32Array, offset: number, limit: number): number[] {
  const end = Math.min(ids.length, offset + limit);
  if (end <= offset) return [];
  if (end < ids.length / 8) return topK(ids, (a, b) => rank[a] - rank[b], end).slice(offset);
  const slots = new Uint32Array(rank.length);
  for (const id of ids) slots[rank[id]] = id + 1;
  const out: number[] = [];
  for (let r = 0, seen = 0; r < slots.length && seen < end; r++) {
    if (!slots[r]) continue;
    if (seen++ >= offset) out.push(slots[r] - 1);
  }
  return out;
}
