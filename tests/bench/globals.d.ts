// What the benchmarks install in the pages they measure (see listing.ts, popup-bench.ts, page-helpers.ts).
interface Window {
  /** Listing pages: page time of the first extension control and of the last; clicks on the page's link (listing.ts). */
  __bench: { first: number; all: number; n: number; clicks: { ms: number; controls: number }[] };
  /** Popup: first row, the frame after it, library ready; per search input event, its work and the time to the end of the next frame. */
  __popup: { firstRow: number; firstFrame: number; ready: number; keys: { ms: number; text: string }[]; frames: number[] };
  /** Popup Save all: click and "100 saved" times. */
  __save: { t0: number; t1: number };
  /** page-helpers.ts, evaluated in extension pages. */
  __benchPage: {
    seed(n: number): Promise<number>;
    put(records: unknown[]): Promise<number>;
    getAll(): Promise<unknown[]>;
    clear(): Promise<void>;
    profile(): Promise<{ readMs: number; indexMs: number; count: number }>;
    putHighlights(paper: unknown, highlights: unknown[]): Promise<void>;
  };
  /** The highlight benchmark's page: when all 200 were drawn, the longest task (ms). */
  __hl: { drawn: number; longest: number; tasks: number };
  /** detect-helpers.ts, in the generic bench's page. */
  __detect: {
    quickCheck: typeof import('../../lib/detect/quick').quickCheck;
    quickSigns: typeof import('../../lib/detect/quick').quickSigns;
    mayHoldIds: typeof import('../../lib/detect/generic/listing').mayHoldIds;
    listing: typeof import('../../lib/detect/generic/listing').listing;
  };
}
