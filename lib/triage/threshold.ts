// The seen threshold: an entry is seen once at least half of it has been on screen for about a
// second without a break. Fed by an IntersectionObserver (ratios), driven by the caller's clock
// and timer: nothing runs per scroll event, and the rule is testable without a browser.

export const SEEN_RATIO = 0.5;
export const SEEN_MS = 1000;

export class SeenTracker<K> {
  /** Since when each entry has been at least half on screen. */
  private since = new Map<K, number>();
  private done = new Set<K>();

  constructor(
    private readonly ratio = SEEN_RATIO,
    private readonly ms = SEEN_MS,
  ) {}

  /** An intersection change. Returns whether a timer should be armed (something is pending). */
  update(key: K, ratio: number, now: number): boolean {
    if (this.done.has(key)) return this.since.size > 0;
    if (ratio >= this.ratio) {
      if (!this.since.has(key)) this.since.set(key, now);
    } else this.since.delete(key);
    return this.since.size > 0;
  }

  /** The entries that crossed the threshold by `now` (each reported once). */
  due(now: number): K[] {
    const out: K[] = [];
    for (const [key, t] of this.since) {
      if (now - t >= this.ms) {
        out.push(key);
        this.since.delete(key);
        this.done.add(key);
      }
    }
    return out;
  }

  /** When the next entry will cross, or undefined when none is pending. */
  nextDue(): number | undefined {
    let min: number | undefined;
    for (const t of this.since.values()) if (min === undefined || t < min) min = t;
    return min === undefined ? undefined : min + this.ms;
  }

  /** Marks entries seen at once (the user's "mark all seen"). */
  markSeen(keys: Iterable<K>): void {
    for (const k of keys) {
      this.since.delete(k);
      this.done.add(k);
    }
  }

  isSeen(key: K): boolean {
    return this.done.has(key);
  }
}
