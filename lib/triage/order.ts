// The popup's "This page" under triage: watch-list matches first, then new entries, then the
// rest, each group in page order; counts for the summary line.
import type { PaperMeta } from '../paper/schema';
import { compileWatchList, matchWatch } from './watch';

export interface TriagedList {
  papers: PaperMeta[];
  newCount: number;
  watchCount: number;
  isNew: Set<string>;
  watch: Map<string, string[]>;
}

export function triageOrder(papers: PaperMeta[], newKeys: readonly string[], watchList: string[], newOnly = false): TriagedList {
  const fresh = new Set(newKeys);
  const rules = compileWatchList(watchList);
  const watch = new Map<string, string[]>();
  const groups: PaperMeta[][] = [[], [], []];
  const isNew = new Set<string>();
  for (const p of papers) {
    const hits = matchWatch(p, rules).map((r) => r.label);
    if (hits.length) watch.set(p.key, hits);
    if (fresh.has(p.key)) isNew.add(p.key);
    if (newOnly && !isNew.has(p.key)) continue;
    groups[hits.length ? 0 : isNew.has(p.key) ? 1 : 2].push(p);
  }
  return { papers: groups.flat(), newCount: isNew.size, watchCount: watch.size, isNew, watch };
}
