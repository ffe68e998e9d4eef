// Giving the page its main thread back between slices of our work: `scheduler.yield()` where the
// browser has it (input and rendering go first, then our continuation before other tasks, no
// timer clamp), else a zero timer. DOM only: the lowest layer, for the listing's controls
// (lib/inline/idle.ts) and the highlights' anchoring (lib/highlight/attach.ts) alike.

export interface YieldWindow {
  scheduler?: { yield?: () => Promise<void> };
  setTimeout: (cb: () => void, ms?: number) => unknown;
}

export function yieldToPage(win: YieldWindow = globalThis): Promise<void> {
  const s = win.scheduler;
  return s?.yield ? s.yield() : new Promise<void>((resolve) => void win.setTimeout(resolve, 0));
}
