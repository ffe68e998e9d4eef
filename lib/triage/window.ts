// Which entries the seen observer watches on a long listing: the ones nearest the screen, not all
// of them. Chromium computes every observed target's intersection on each frame
// of a scroll, whatever the thresholds: on the 2,000-entry listing that was ≈ 150 ms of main
// thread over 25 screens read (against ≈ 5 ms for 60 targets), ten times the recording's script.

/** Entries watched on each side of the screen's: a few screens of a listing. */
export const WINDOW = 40;

export interface Placement<K> {
  observe: K[];
  unobserve: K[];
}

export class ObserveWindow<K> {
  private order: K[] = [];
  private index: Map<K, number> | undefined;
  private watched = new Set<K>();
  private center: number | undefined;

  /**
   * `precedes(a, b)`: a comes before b in the document. Recorded entries near the screen stay
   * watched: they tell where the screen is, and a window of them costs the browser little.
   */
  constructor(
    private readonly precedes: (a: K, b: K) => boolean,
    private readonly size = WINDOW,
  ) {}

  /** An entry in document order: appended in the usual case, else inserted where it belongs. */
  add(k: K): void {
    const last = this.order[this.order.length - 1];
    if (last === undefined || this.precedes(last, k)) this.order.push(k);
    else {
      let lo = 0;
      let hi = this.order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.precedes(this.order[mid], k)) lo = mid + 1;
        else hi = mid;
      }
      this.order.splice(lo, 0, k);
    }
    this.index = undefined;
  }

  remove(k: K): void {
    const i = this.indexOf(k);
    if (i < 0) return;
    this.order.splice(i, 1);
    this.watched.delete(k);
    this.index = undefined;
  }

  get entries(): readonly K[] {
    return this.order;
  }

  /** Where the window was last placed (undefined before the first placement). */
  get at(): number | undefined {
    return this.center;
  }

  get watching(): ReadonlySet<K> {
    return this.watched;
  }

  indexOf(k: K): number {
    if (!this.index) this.index = new Map(this.order.map((x, i) => [x, i]));
    return this.index.get(k) ?? -1;
  }

  /** Watches `size` entries on each side of `center` (an index in `entries`). */
  place(center: number): Placement<K> {
    const c = Math.max(0, Math.min(this.order.length - 1, Math.round(center)));
    this.center = c;
    const next = new Set(this.order.slice(Math.max(0, c - this.size), c + this.size));
    const unobserve = [...this.watched].filter((k) => !next.has(k));
    const observe = [...next].filter((k) => !this.watched.has(k));
    this.watched = next;
    return { observe, unobserve };
  }

  /** Entries on screen now: the window follows them once they are a quarter of it from its center. */
  follow(onScreen: Iterable<K>): Placement<K> | undefined {
    let sum = 0;
    let n = 0;
    for (const k of onScreen) {
      const i = this.indexOf(k);
      if (i < 0) continue;
      sum += i;
      n++;
    }
    if (!n) return undefined;
    const c = sum / n;
    if (this.center !== undefined && Math.abs(c - this.center) < this.size / 4) return undefined;
    return this.place(c);
  }
}
