// Keeps a paper's highlights drawn on the page: anchors them (in slices, so no main-thread task
// runs long), paints what was placed, reports what was not (unplaced highlights are listed,
// never dropped) and re-anchors after the page re-renders its text client-side.
import { yieldToPage } from '../dom/yield';
import type { Highlight } from '../paper/highlight';
import { anchorSelectors } from './anchor';
import { createPainter, type Drawn, type Painter } from './paint';
import { indexToRange, textIndexSteps, type TextIndex } from './text';

export interface Placement {
  placed: Drawn[];
  unplaced: Highlight[];
}

const SLICE_MS = 12;

/** A run of work cut into slices of at most SLICE_MS, the page's tasks in between. */
export class Slicer {
  private since: number;
  private budget: number;
  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly pause: () => Promise<void> = () => yieldToPage(),
    /** The first slice's length: longer where the work should finish in the task it starts in. */
    first = SLICE_MS,
  ) {
    this.since = now();
    this.budget = first;
  }
  /** Yields when the current slice is used up. */
  async check(): Promise<void> {
    if (this.now() - this.since <= this.budget) return;
    await this.pause();
    this.since = this.now();
    this.budget = SLICE_MS;
  }
}

/**
 * The first slice of highlights drawn at DOMContentLoaded (their list already in): long enough
 * for a paper's usual highlights to be indexed, anchored and painted in that task, before the
 * page's first layout (which would otherwise run first and double the wait), and short enough
 * that the task stays under 50 ms with the page's own DOMContentLoaded work.
 */
export const FIRST_SLICE_AT_LOAD_MS = 35;

/** The page's text index, built in slices. */
export async function indexSliced(root: Node, slicer: Slicer = new Slicer()): Promise<TextIndex> {
  const steps = textIndexSteps(root);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await slicer.check();
  }
}

/** Anchors every highlight in `ix`, yielding to the page between slices. */
export async function anchorAll(ix: TextIndex, highlights: Highlight[], slicer: Slicer = new Slicer()): Promise<Placement> {
  const placed: Drawn[] = [];
  const unplaced: Highlight[] = [];
  for (const h of highlights) {
    const a = anchorSelectors(ix.text, h.selectors);
    if (a) placed.push({ id: h.id, color: h.color, range: indexToRange(ix, a.start, a.end) });
    else unplaced.push(h);
    await slicer.check();
  }
  return { placed, unplaced };
}

/**
 * Our own elements (hosts of our shadow roots, the fallback's marks, the Save controls'
 * <papershelf-…> elements): never part of the paper's text, their changes are not the page's.
 */
export const isOwn = (n: Node) =>
  n.nodeType === 1 &&
  ((n as Element).hasAttribute('data-papershelf-host') ||
    (n as Element).hasAttribute('data-papershelf-highlight') ||
    n.nodeName.startsWith('PAPERSHELF-'));

export class Attacher {
  private highlights: Highlight[] = [];
  private painter: Painter;
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private run = 0;
  private last: Promise<Placement> = Promise.resolve({ placed: [], unplaced: [] });
  placement: Placement = { placed: [], unplaced: [] };
  /** The next placement's first slice (ms); later ones get SLICE_MS. */
  firstSlice = SLICE_MS;

  constructor(
    private readonly doc: Document,
    /** Told of every placement (settable: a page that adopts an attacher listens from then on). */
    public onPlaced: (p: Placement) => void,
    private readonly delay = 250,
    private readonly root: () => Node = () => doc.body ?? doc.documentElement,
  ) {
    this.painter = createPainter(doc);
    this.painter.prepare();
  }

  get mode() {
    return this.painter.mode;
  }

  /** Draws exactly these highlights (the paper's current list). */
  async set(highlights: Highlight[]): Promise<Placement> {
    this.highlights = highlights;
    return this.refresh();
  }

  /** Whether `highlights` is the list last set (the very array). */
  holds(highlights: Highlight[]): boolean {
    return this.highlights === highlights;
  }

  /** The placement once the latest refresh is done. */
  settled(): Promise<Placement> {
    return this.last;
  }

  refresh(): Promise<Placement> {
    this.last = this.place();
    return this.last;
  }

  private async place(): Promise<Placement> {
    const run = ++this.run;
    this.pause();
    this.painter.clear();
    this.resume();
    const slicer = new Slicer(undefined, undefined, this.firstSlice);
    this.firstSlice = SLICE_MS;
    const ix = await indexSliced(this.root(), slicer);
    if (run !== this.run) return this.placement;
    const p = await anchorAll(ix, this.highlights, slicer);
    if (run !== this.run) return this.placement; // a newer refresh superseded this one
    this.pause();
    this.painter.paint(p.placed);
    this.resume();
    this.placement = p;
    this.onPlaced(p);
    return p;
  }

  /** Re-anchors after the page's own changes to its text (debounced). */
  watch(): void {
    if (this.observer) return;
    const Observer = this.doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new Observer((records) => {
      if (records.some((r) => !this.ours(r))) this.schedule();
    });
    this.resume();
  }

  private ours(r: MutationRecord): boolean {
    for (let n: Node | null = r.target; n; n = n.parentNode) if (isOwn(n)) return true;
    const nodes = [...r.addedNodes, ...r.removedNodes];
    return nodes.length > 0 && nodes.every(isOwn);
  }

  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), this.delay);
  }

  // The fallback's marks change the DOM: those mutations are ours, not a re-render.
  private pause() {
    this.observer?.takeRecords();
    this.observer?.disconnect();
  }
  private resume() {
    this.observer?.observe(this.root(), { childList: true, subtree: true, characterData: true });
  }

  destroy(): void {
    this.run++;
    clearTimeout(this.timer);
    this.observer?.disconnect();
    this.observer = null;
    this.painter.clear();
  }
}
