// Which keys the seen ledger knows, in memory: a 53-bit hash of every record's key and aliases in
// one sorted Float64Array (8 bytes a key), plus the keys added since it was last sorted. A
// listing's look-up of 2,000 keys is then 2,000 binary searches instead of 4,000 IndexedDB reads
// (about 0.1-0.2 ms each in Chromium: 244 ms a look-up). Two keys share a hash with a chance of
// about n / 2^53 (one in 10^10 for a ledger of 800,000 keys and aliases): negligible next to what
// it saves. Pure: the store (./store.ts) persists the array and keeps it in step with the table.

/** A 53-bit hash of a key, never 0: two 32-bit hashes (FNV-1a and a multiply-xorshift) joined. */
export function hashKey(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b ^= b >>> 16;
  return (a >>> 0) * 0x200000 + (b >>> 11) + 1;
}

function contains(sorted: Float64Array, h: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid];
    if (v === h) return true;
    if (v < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export class KeyIndex {
  private added = new Set<number>();

  /** `sorted`: what `snapshot()` returned (ascending, no duplicates). */
  constructor(private sorted: Float64Array = new Float64Array(0)) {}

  add(key: string): void {
    const h = hashKey(key);
    if (!contains(this.sorted, h)) this.added.add(h);
  }

  has(key: string): boolean {
    const h = hashKey(key);
    return this.added.has(h) || contains(this.sorted, h);
  }

  get size(): number {
    return this.sorted.length + this.added.size;
  }

  /** Every hash, sorted (what the store writes): the keys added since are merged in. */
  snapshot(): Float64Array {
    if (!this.added.size) return this.sorted;
    const extra = Float64Array.from(this.added).sort();
    const out = new Float64Array(this.sorted.length + extra.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.sorted.length || j < extra.length) {
      if (j >= extra.length || (i < this.sorted.length && this.sorted[i] < extra[j])) out[k++] = this.sorted[i++];
      else out[k++] = extra[j++];
    }
    this.sorted = out;
    this.added.clear();
    return out;
  }
}
