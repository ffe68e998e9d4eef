// Work that must not hold the page: done in short slices in the page's idle time. A reader feels
// a long task (a click that waits, a scroll that sticks), not how long the whole work takes.
import { yieldToPage, type YieldWindow } from '../dom/yield';

/** The longest slice, in ms: far under the 50 ms of a long task, and little input delay. */
export const SLICE_MS = 8;

interface IdleWindow extends YieldWindow {
  requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
  performance?: { now(): number };
}

export type Slicer = () => Promise<void>;

/**
 * Slices of main-thread time: the first in an idle period (requestIdleCallback, at most `waitMs`
 * later when the page is never idle), each next one after `scheduler.yield()` where the browser
 * has it (input and rendering go first, then this work before other tasks), else after a timer.
 * Waiting for an idle period before every slice was tried: a page whose every frame is followed
 * by another (our own controls ask for one) has no idle period, and the controls came at one
 * slice per timeout (2,000 took over 5 s). `due()` tells a loop when its slice is over.
 */
export function idleSlices(win: IdleWindow, waitMs = 100): { next: Slicer; due: () => boolean } {
  const now = () => (win.performance ?? performance).now();
  let sliceEnd = 0;
  let started = false;
  const next = async () => {
    const ric = win.requestIdleCallback;
    if (!started && ric) await new Promise<void>((resolve) => ric.call(win, () => resolve(), { timeout: waitMs }));
    else await yieldToPage(win);
    started = true;
    sliceEnd = now() + SLICE_MS;
  };
  return { next, due: () => now() >= sliceEnd };
}

/**
 * Calls `each` on every item, in slices of idle time; stops early (false) when `alive` turns
 * false between slices (a newer scan took over).
 */
export async function inSlices<T>(win: IdleWindow, items: readonly T[], each: (item: T) => void, alive: () => boolean): Promise<boolean> {
  const slices = idleSlices(win);
  let i = 0;
  while (i < items.length) {
    await slices.next();
    if (!alive()) return false;
    do each(items[i++]);
    while (i < items.length && !slices.due());
  }
  return true;
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
