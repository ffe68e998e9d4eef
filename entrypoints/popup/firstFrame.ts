// The hand-over from the popup's first frame (entrypoints/popup-first.tsx, one classic script with
// no imports to fetch) to its app (main.tsx): the rows it drew, and how to take its frame down.
import type { FirstRowsRead } from '@/lib/library/firstRowsRead';

export const FIRST_FRAME_KEY = '__papershelfFirstFrame';

export interface FirstFrame {
  /** Settles once the first frame is rendered, with the rows it read. */
  shown: Promise<FirstRowsRead>;
  /** Removes the first frame's DOM (its own Preact instance), so the app renders from scratch. */
  unmount: () => void;
}
