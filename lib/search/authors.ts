// Author-word postings: `author:h` is answered from the docs of the author words starting with
// "h" (a sorted word list, a binary search for the prefix range, a union of their postings)
// rather than by scanning every paper's authors. The postings only give candidates: the filter
// itself (filters.ts) still decides, so results are exactly the scan's.
import { lowerBound, mergeSorted } from './sorted';

/** Doc ids (ascending, dead ones included: the index skips those) in a growable typed array. */
class Ids {
  data = new Uint32Array(2);
  n = 0;
  push(id: number): void {
    if (this.n && this.data[this.n - 1] === id) return;
    if (this.n === this.data.length) {
      const data = new Uint32Array(this.n * 2);
      data.set(this.data);
      this.data = data;
    }
    this.data[this.n++] = id;
  }
}

export class AuthorIndex {
  private postings = new Map<string, Ids>();
  private sorted: string[] = [];
  /** New words not yet merged into `sorted`. */
  private pending: string[] = [];
  /** Scratch: docs marked by the union of one word's postings. */
  private mark = new Uint8Array(0);

  /** The folded words of the doc's author names. Ids must come in ascending order. */
  add(id: number, names: readonly (readonly string[])[]): void {
    for (const name of names) {
      for (const w of name) {
        let p = this.postings.get(w);
        if (!p) {
          this.postings.set(w, (p = new Ids()));
          this.pending.push(w);
        }
        p.push(id);
      }
    }
  }

  /**
   * Ascending doc ids holding, for some query word, an author word it prefixes: a superset of
   * the docs `author:<words>` accepts (its rarest word's docs). `size` bounds the doc ids.
   */
  candidates(words: readonly string[], size: number): Uint32Array {
    this.sortWords();
    let best: Ids[] | undefined;
    let bestTotal = Infinity;
    for (const w of words) {
      const lists: Ids[] = [];
      let total = 0;
      for (let i = lowerBound(this.sorted, w); i < this.sorted.length && this.sorted[i].startsWith(w); i++) {
        const p = this.postings.get(this.sorted[i])!;
        lists.push(p);
        total += p.n;
      }
      if (total < bestTotal) [best, bestTotal] = [lists, total];
    }
    if (!best || bestTotal === 0) return new Uint32Array(0);
    if (best.length === 1) return best[0].data.slice(0, best[0].n);
    if (this.mark.length < size) this.mark = new Uint8Array(Math.max(1024, size * 2));
    const { mark } = this;
    let lo = Infinity;
    let hi = -1;
    let n = 0;
    for (const { data, n: len } of best) {
      if (!len) continue;
      lo = Math.min(lo, data[0]);
      hi = Math.max(hi, data[len - 1]);
      for (let i = 0; i < len; i++) {
        const id = data[i];
        if (!mark[id]) {
          mark[id] = 1;
          n++;
        }
      }
    }
    const out = new Uint32Array(n);
    let k = 0;
    for (let id = lo; id <= hi; id++) {
      if (mark[id]) {
        out[k++] = id;
        mark[id] = 0;
      }
    }
    return out;
  }

  private sortWords(): void {
    if (!this.pending.length) return;
    this.sorted = mergeSorted(this.sorted, this.pending);
    this.pending = [];
  }
}
