/**
 * A seeded generator of numbers in [0, 1) for fuzz tests (xorshift32: exact integer steps, so
 * every seed gives a long, well-spread sequence; an LCG computed in floating point does not).
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

let named = 0;
/** A fresh name per call (per-test databases): a counter, so a rerun names the same databases. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${++named}`;
}
