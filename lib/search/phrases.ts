// The word sequence of every indexed paper, as term ids, for the check that a quoted phrase's
// words are contiguous. Ids are varints in one growing byte array (~1.5 bytes a word), where the
// texts themselves (an abstract is ~1 KB) would stay on the heap for 100,000 papers.

/** Ends one text (title, an author, the abstract…): a phrase never runs across two. */
const BREAK = 0;

export class PhraseStore {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  /** start[id]..end[id] are doc `id`'s bytes. */
  private start = new Uint32Array(1024);
  private end = new Uint32Array(1024);

  /** `texts[i]` are the term ids (all > 0) of one text of doc `id`. */
  add(id: number, texts: readonly (readonly number[])[]): void {
    if (id >= this.start.length) {
      const cap = Math.max(id + 1, this.start.length * 2);
      this.start = grown(this.start, cap);
      this.end = grown(this.end, cap);
    }
    this.start[id] = this.used;
    for (const t of texts) {
      for (const term of t) this.put(term);
      this.put(BREAK);
    }
    this.end[id] = this.used;
  }

  /**
   * True when one text of doc `id` holds `exact` in a row followed by a term `last` accepts (the
   * phrase's last word is a prefix). `exact` are term ids.
   */
  has(id: number, exact: readonly number[], last: (term: number) => boolean): boolean {
    const seq = this.decode(id);
    const k = exact.length;
    outer: for (let i = 0; i + k < seq.length; i++) {
      for (let j = 0; j < k; j++) if (seq[i + j] !== exact[j]) continue outer;
      if (seq[i + k] !== BREAK && last(seq[i + k])) return true;
    }
    return false;
  }

  /** The term ids of each text of doc `id`, in the order they were added. */
  texts(id: number): number[][] {
    const out: number[][] = [[]];
    for (const t of this.decode(id)) {
      if (t === BREAK) out.push([]);
      else out[out.length - 1].push(t);
    }
    out.pop();
    return out;
  }

  private decode(id: number): number[] {
    const out: number[] = [];
    const { bytes } = this;
    for (let i = this.start[id], end = this.end[id]; i < end;) {
      let v = 0;
      let shift = 0;
      let b: number;
      do {
        b = bytes[i++];
        v += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      out.push(v);
    }
    return out;
  }

  private put(v: number): void {
    if (this.used + 5 > this.bytes.length) this.bytes = grown(this.bytes, this.bytes.length * 2);
    while (v >= 0x80) {
      this.bytes[this.used++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.bytes[this.used++] = v;
  }
}

function grown<T extends Uint8Array | Uint32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
