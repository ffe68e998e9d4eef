// Tag lists with counts (for the tag chips) and tag autocomplete.
import type { IndexedPaper, SearchIndex } from './index';
import { normalizeTag } from './query';

/** `tag` is the spelling met first; tags differing only in case or accents count together. */
export interface TagCount {
  tag: string;
  count: number;
}

/** Tags of the whole library, or of the papers `keys` (a result set); most used first, then by name. */
export function tagCounts(index: SearchIndex, keys?: Iterable<string>): TagCount[] {
  const counts = new Map<string, TagCount>();
  const papers: Iterable<IndexedPaper | undefined> = keys ? mapIter(keys, (k) => index.get(k)) : index.papers();
  for (const p of papers) {
    if (!p) continue;
    const seen = new Set<string>();
    for (const tag of p.tags) {
      const norm = normalizeTag(tag);
      if (!norm || seen.has(norm)) continue;
      seen.add(norm);
      const c = counts.get(norm);
      if (c) c.count++;
      else counts.set(norm, { tag: tag.trim(), count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || compareNames(a.tag, b.tag));
}

/** Tags starting with `prefix` (case and accents ignored), best first; word starts inside a
 *  tag ("learning" → "deep learning") come after whole-tag prefixes. `exclude` drops tags
 *  the paper already has. */
export function suggestTags(counts: readonly TagCount[], prefix: string, { limit = 8, exclude = [] as readonly string[] } = {}): TagCount[] {
  const p = normalizeTag(prefix);
  const skip = new Set(exclude.map(normalizeTag));
  const starts: TagCount[] = [];
  const inner: TagCount[] = [];
  for (const c of counts) {
    const t = normalizeTag(c.tag);
    if (skip.has(t)) continue;
    if (t.startsWith(p)) starts.push(c);
    else if (p && t.split(/[\s/\-_:]+/).some((w) => w.startsWith(p))) inner.push(c);
  }
  return [...starts, ...inner].slice(0, limit);
}

function compareNames(a: string, b: string): number {
  const x = normalizeTag(a);
  const y = normalizeTag(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function* mapIter<T, U>(it: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of it) yield f(x);
}
