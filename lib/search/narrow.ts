// When a query only narrows the one before (a filter typed on, `author:h` → `author:hi`,
// `year:>2` → `year:>2018`), its matches are among the previous matches: checking those is
// cheaper than checking the whole library on every keystroke.
import type { Filter, FilterClause } from './query';

/** True when every paper `next` accepts, `prev` accepts. */
function implies(next: FilterClause, prev: FilterClause): boolean {
  if (next.negated !== prev.negated) return false;
  const a: Filter = next.filter;
  const b: Filter = prev.filter;
  if (prev.negated || a.kind !== b.kind) return JSON.stringify(next) === JSON.stringify(prev);
  if (a.kind === 'year' && b.kind === 'year') return a.min >= b.min && a.max <= b.max;
  if (a.kind === 'author' && b.kind === 'author') {
    // A one-word filter is `includes(' ' + word)`: a longer word is found only where it is.
    if (b.words.length === 1 && a.words.length === 1) return a.words[0].startsWith(b.words[0]);
    return a.words.length === b.words.length && a.words.every((w, i) => w.startsWith(b.words[i]));
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True when each clause of `prev` is implied by one of `next`: `next` matches a subset. */
export function narrows(prev: readonly FilterClause[], next: readonly FilterClause[]): boolean {
  return prev.every((p) => next.some((n) => implies(n, p)));
}
