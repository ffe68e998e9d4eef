import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameSlices, inSlices, INPUT_PAUSE_MS, type FrameWindow } from './idle';

/** A page's window on fake timers: a frame every 16 ms, no idle period ever, input on demand. */
function fakeWindow() {
  const listeners = new Map<string, () => void>();
  const win: FrameWindow & { input(type: string): void; requestIdleCallback(): number } = {
    setTimeout: (cb, ms) => setTimeout(cb, ms),
    clearTimeout: (id) => clearTimeout(id),
    requestAnimationFrame: (cb) => Number(setTimeout(cb, 16)),
    performance: { now: () => Date.now() },
    // Never called back: a page that keeps its main thread busy.
    requestIdleCallback: () => 0,
    addEventListener: (type, l) => void listeners.set(type, l),
    removeEventListener: (type) => void listeners.delete(type),
    input: (type) => listeners.get(type)?.(),
  };
  return { win, listeners };
}

afterEach(() => void vi.useRealTimers());

describe('slices of main-thread time', () => {
  it('get through the work on a page that is never idle', async () => {
    vi.useFakeTimers();
    const { win } = fakeWindow();
    const seen: number[] = [];
    const done = inSlices(
      win,
      [1, 2, 3, 4, 5],
      (n) => void seen.push(n),
      () => true,
    );
    await vi.advanceTimersByTimeAsync(100);
    await expect(done).resolves.toBe(true);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('hold a change to the page back while the reader clicks or types, then let it through', async () => {
    vi.useFakeTimers();
    const { win, listeners } = fakeWindow();
    const slices = frameSlices(win);
    let ready = false;
    const first = slices.next();
    await vi.advanceTimersByTimeAsync(1);
    await first;
    await slices.ready(); // no input yet: at once
    win.input('pointerdown');
    void slices.ready().then(() => (ready = true));
    await vi.advanceTimersByTimeAsync(INPUT_PAUSE_MS / 2);
    win.input('keydown');
    await vi.advanceTimersByTimeAsync(INPUT_PAUSE_MS - 10);
    expect(ready).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(ready).toBe(true);
    slices.stop();
    expect(listeners.size).toBe(0);
  });

  it('stop between slices when the work is no longer wanted', async () => {
    vi.useFakeTimers();
    const { win } = fakeWindow();
    const done = inSlices(
      win,
      [1, 2],
      () => {},
      () => false,
    );
    await vi.advanceTimersByTimeAsync(50);
    await expect(done).resolves.toBe(false);
  });
});
