// Sorted string lists shared by the term and author-word indexes.

/** `old` (sorted) and `add` (sorted here, in place) merged into one sorted list: O(n). */
export function mergeSorted(old: readonly string[], add: string[]): string[] {
  add.sort();
  const out = new Array<string>(old.length + add.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < old.length && j < add.length) out[k++] = old[i] < add[j] ? old[i++] : add[j++];
  while (i < old.length) out[k++] = old[i++];
  while (j < add.length) out[k++] = add[j++];
  return out;
}

/** The first index of `a` (sorted) whose value is not below `x`. */
export function lowerBound(a: readonly string[], x: string): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
