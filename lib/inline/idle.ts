// Work that must not hold the page: done in short slices, its changes to the page held back while
// the reader clicks or types. A reader feels a long task (a click that waits, a scroll that
// sticks), not how long the whole work takes.
import { yieldToPage, type YieldWindow } from '../dom/yield';

/** The longest slice, in ms: far under the 50 ms of a long task, and little input delay. */
export const SLICE_MS = 8;

/** After a click or a key press, no slice for this long: the page's answer to it is drawn first. */
export const INPUT_PAUSE_MS = 200;

/** A frame comes at least this often while the page is shown; a hidden page gets a timer instead. */
const FRAME_WAIT_MS = 100;

export interface FrameWindow extends YieldWindow {
  requestAnimationFrame?: (cb: () => void) => number;
  clearTimeout?: (id: never) => void;
  MessageChannel?: typeof MessageChannel;
  performance?: { now(): number };
  addEventListener?: (type: string, listener: () => void, options?: AddEventListenerOptions) => void;
  removeEventListener?: (type: string, listener: () => void, options?: EventListenerOptions) => void;
}

/** Runs `cb` in a task of its own at once (no timer clamp): a message to ourselves. */
function postTask(win: FrameWindow, cb: () => void): void {
  const Channel = win.MessageChannel;
  if (!Channel) return void win.setTimeout(cb, 0);
  const ch = new Channel();
  ch.port1.onmessage = () => {
    ch.port1.close();
    cb();
  };
  ch.port2.postMessage(0);
}

/**
 * Resolves in a task right after the next frame was produced: the rendering of what the last
 * slice changed is done, so a slice starting here reads clean styles and layout and its own
 * changes wait for the next frame. A hidden page produces no frames: a timer stands in.
 */
export function afterNextFrame(win: FrameWindow): Promise<void> {
  const raf = win.requestAnimationFrame;
  if (!raf) return yieldToPage(win);
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      win.clearTimeout?.(timer as never);
      postTask(win, resolve);
    };
    const timer = win.setTimeout(go, FRAME_WAIT_MS);
    raf.call(win, go);
  });
}

export interface Slices {
  /** Resolves when the next slice may start (the page's input and rendering go first). */
  next(): Promise<void>;
  /** Whether the current slice has had its time. */
  due(): boolean;
  /**
   * Resolves when the page may take a change of ours: at once, unless a click or a key press
   * came in the last INPUT_PAUSE_MS; then after the frames that answer it, in a slice of its own.
   */
  ready(): Promise<void>;
  /** Stops listening for input (the work is over). */
  stop(): void;
}

/**
 * Slices of main-thread time of SLICE_MS each, the next one after `yieldToPage` (input and
 * rendering go first). Idle callbacks are not waited for: a page that keeps its main thread busy
 * (our own controls' frames among it) has no idle period, and 2,000 controls took over a second
 * at one slice per idle period. Nor is a frame waited for between two changes to the page: the
 * browser draws several at once (each frame of a long listing costs a pass over the whole list),
 * except after a click or a key press, whose frame carries none of our changes (`ready`).
 */
export function frameSlices(win: FrameWindow, budgetMs = SLICE_MS): Slices {
  const now = () => (win.performance ?? performance).now();
  let sliceEnd = 0;
  let lastInput = -Infinity;
  const onInput = () => void (lastInput = now());
  const types = ['pointerdown', 'keydown'];
  for (const t of types) win.addEventListener?.(t, onInput, { capture: true, passive: true });
  const start = () => void (sliceEnd = now() + budgetMs);
  const quiet = () => now() - lastInput >= INPUT_PAUSE_MS;
  return {
    async next() {
      await yieldToPage(win);
      start();
    },
    due: () => now() >= sliceEnd,
    async ready() {
      if (quiet()) return;
      do await afterNextFrame(win);
      while (!quiet());
      start();
    },
    stop() {
      for (const t of types) win.removeEventListener?.(t, onInput, { capture: true });
    },
  };
}

/**
 * Calls `each` on every item, in slices (frameSlices; `each` must not change the page); stops early (false) when `alive` turns
 * false between slices (a newer scan took over).
 */
export async function inSlices<T>(win: FrameWindow, items: readonly T[], each: (item: T) => void, alive: () => boolean): Promise<boolean> {
  const slices = frameSlices(win);
  let i = 0;
  try {
    while (i < items.length) {
      await slices.next();
      if (!alive()) return false;
      do each(items[i++]);
      while (i < items.length && !slices.due());
    }
    return true;
  } finally {
    slices.stop();
  }
}

/** Resolves once the page's load event has fired (at most `capMs` later: a hung image must not hold the controls back). */
export function afterLoad(
  win: Pick<Window, 'addEventListener' | 'removeEventListener' | 'document' | 'setTimeout' | 'clearTimeout'>,
  capMs = 5000,
): Promise<void> {
  if (win.document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      win.removeEventListener('load', done);
      win.clearTimeout(timer);
      resolve();
    };
    const timer = win.setTimeout(done, capMs);
    win.addEventListener('load', done);
  });
}
