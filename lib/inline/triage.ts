// Daily triage on a listing's controls: New marks, Dismiss, dimming, watch-list highlights, and
// the sightings that feed the seen ledger. Everything here runs after the controls are placed:
// one look-up message for the keys of a scan, then the marks in small chunks, then an
// IntersectionObserver (no work per scroll event) whose sightings go out in batches.
import type { PaperMeta } from '../paper/schema';
import type { Sighting } from '../messaging/protocol';
import { sightingOf } from '../triage/sighting';
import { SEEN_RATIO, SeenTracker } from '../triage/threshold';
import { ObserveWindow, type Placement } from '../triage/window';
import { compileWatchList, matchWatch, type WatchRule } from '../triage/watch';
import type { ControlHandle } from './control';
import { Hider } from './hidden';

export interface TriageEnv {
  lookup(keys: string[]): Promise<{ ledger: boolean; seen: string[]; dismissed: string[] }>;
  seen(url: string, entries: Sighting[]): Promise<void>;
  dismiss(key: string, undo: boolean): Promise<void>;
}

export interface TriageOptions {
  /** Whether this page may record sightings (the seenLedger setting; the background has the last word). */
  ledger: boolean;
  dimSeen: boolean;
  /** Hide instead of dim: dismissed entries, or everything dimmed (dismissed, and seen with dimSeen). */
  hide: 'off' | 'dismissed' | 'all';
  watchList: string[];
}

export interface TriageEntry {
  key: string;
  handle: ControlHandle;
  anchor: Element;
}

/**
 * Marks applied per task. A look only writes host attributes now (the nodes come with the
 * control), but each task's looks cost the next frame a layout of the list: a 2,000-entry
 * listing is marked in one task (one such frame), not ten.
 */
const CHUNK = 2000;
/**
 * Sightings wait this long for company before they are sent (or until BATCH of them; at once when
 * the page is hidden or left). A message costs about a millisecond of the page's main thread
 * whatever it carries, so a slow reader's sightings go out a few times a minute, not every second.
 */
export const FLUSH_MS = 10_000;
export const BATCH = 100;
/**
 * The seen threshold is checked this long after the first entry pending is due: the entries of a
 * screen cross a few frames apart and are collected by one timer, not one each.
 */
const DUE_SLACK_MS = 200;
const DIM = '0.45';

const later = (fn: () => void, ms = 0) => setTimeout(fn, ms);

export class InlineTriage {
  private ledger = false;
  private seenBefore = new Set<string>();
  private dismissed = new Set<string>();
  private saved = new Set<string>();
  private looked = new Set<string>();
  private byKey = new Map<string, TriageEntry[]>();
  private pending: TriageEntry[] = [];
  private lookupQueued = false;
  private rules: WatchRule[];
  private watchHits = new Map<string, string[]>();
  private observer?: IntersectionObserver;
  /** Entries still to record, with their keys. */
  private observed = new Map<Element, string>();
  /** The entries the observer watches: those near the screen (lib/triage/window.ts). */
  private window = this.newWindow();
  /** Watched entries at least half on screen now (the window follows them). */
  private onScreen = new Set<Element>();
  private locating = false;
  private tracker = new SeenTracker<Element>();
  private dueTimer: ReturnType<typeof setTimeout> | undefined;
  private sent = new Set<string>();
  private outbox: string[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private dimmed = new Map<HTMLElement, string>();
  /** Keys shown although hiding applies: dismissed on this page (undo in place) or "show" clicked. */
  private revealed = new Set<string>();
  private readonly hider: Hider;
  private readonly win: Window | null;
  private readonly onHide = () => {
    if (this.doc.visibilityState === 'hidden') this.flush();
  };
  /** A scroll that left no watched entry on screen went past the window: find the screen again. */
  private readonly onScrollEnd = () => {
    if (!this.onScreen.size && this.observed.size && this.window.entries.length > this.window.watching.size) this.locate();
  };

  constructor(
    private readonly doc: Document,
    private readonly env: TriageEnv,
    private opts: TriageOptions,
    private readonly paperOf: (key: string) => PaperMeta | undefined,
    private readonly url: () => string,
    private readonly onError: (message: string) => void = () => {},
  ) {
    this.win = doc.defaultView;
    this.hider = new Hider(doc, (el) => {
      const key = [...this.byKey].find(([, list]) => list.some((e) => e.anchor === el))?.[0];
      if (key === undefined) return this.hider.show(el);
      this.revealed.add(key);
      this.paintKey(key);
    });
    this.rules = compileWatchList(opts.watchList);
    this.win?.addEventListener('pagehide', () => this.flush());
    doc.addEventListener('visibilitychange', this.onHide);
    // Capture: the scrolling element may be the page's or a container of the listing.
    doc.addEventListener('scrollend', this.onScrollEnd, { capture: true, passive: true });
  }

  /** Controls just placed: looked up together, in a later task (the first controls come first). */
  added(entries: TriageEntry[]): void {
    for (const e of entries) {
      const list = this.byKey.get(e.key);
      if (list) list.push(e);
      else this.byKey.set(e.key, [e]);
      this.pending.push(e);
    }
    if (this.pending.length && !this.lookupQueued) {
      this.lookupQueued = true;
      later(() => void this.lookup());
    }
  }

  /** A control left the page. */
  removed(e: TriageEntry): void {
    const list = this.byKey.get(e.key)?.filter((x) => x.handle !== e.handle);
    if (list?.length) this.byKey.set(e.key, list);
    else this.byKey.delete(e.key);
    this.observed.delete(e.anchor);
    if (this.window.watching.has(e.anchor)) this.observer?.unobserve(e.anchor);
    this.window.remove(e.anchor);
    this.onScreen.delete(e.anchor);
    this.undim(e.anchor);
    this.hider.show(e.anchor);
  }

  isNew(key: string): boolean {
    return this.ledger && this.looked.has(key) && !this.seenBefore.has(key);
  }

  isDismissed(key: string): boolean {
    return this.dismissed.has(key) && !this.saved.has(key);
  }

  watchOf(key: string): string[] {
    return this.watchHits.get(key) ?? [];
  }

  /** Saved beats dismissed: a saved paper is shown as such even if it was dismissed. */
  setSaved(key: string, saved: boolean): void {
    if (saved === this.saved.has(key)) return;
    if (saved) this.saved.add(key);
    else this.saved.delete(key);
    if (this.looked.has(key)) this.paintKey(key);
  }

  /** A dismissal (or its undo) made elsewhere: painted here, nothing sent. */
  setDismissed(key: string, on: boolean): void {
    if (on === this.dismissed.has(key)) return;
    if (on) this.dismissed.add(key);
    else this.dismissed.delete(key);
    this.paintKey(key);
  }

  /** Dismiss, or undo a dismissal (in place: the same button). */
  async toggleDismiss(key: string): Promise<void> {
    const undo = this.dismissed.has(key);
    // Dismissed here: it stays in view, dimmed, with its Undo (hidden on the next listings).
    if (!undo) this.revealed.add(key);
    const apply = (on: boolean) => {
      if (on) this.dismissed.add(key);
      else this.dismissed.delete(key);
      this.paintKey(key);
    };
    apply(!undo);
    try {
      await this.env.dismiss(key, undo);
    } catch (e) {
      apply(undo);
      this.onError(e instanceof Error ? e.message : String(e));
    }
  }

  reconfigure(opts: TriageOptions): void {
    this.opts = opts;
    this.rules = compileWatchList(opts.watchList);
    this.watchHits.clear();
  }

  private async lookup(): Promise<void> {
    this.lookupQueued = false;
    const batch = this.pending;
    this.pending = [];
    const keys = [...new Set(batch.map((e) => e.key))].filter((k) => !this.looked.has(k));
    try {
      if (keys.length) {
        const r = await this.env.lookup(keys);
        this.ledger = r.ledger && this.opts.ledger;
        for (const k of r.seen) this.seenBefore.add(k);
        for (const k of r.dismissed) this.dismissed.add(k);
        for (const k of keys) this.looked.add(k);
      }
    } catch (e) {
      this.onError(e instanceof Error ? e.message : String(e));
      return;
    }
    // Marks and observation in chunks, each in its own task.
    for (let i = 0; i < batch.length; i += CHUNK) {
      if (i) await new Promise<void>((r) => later(r));
      for (const e of batch.slice(i, i + CHUNK)) {
        if (!e.handle.host.isConnected) continue;
        this.paint(e);
        this.observe(e);
      }
    }
    this.rewatch();
  }

  private paintKey(key: string): void {
    for (const e of this.byKey.get(key) ?? []) this.paint(e);
  }

  private paint(e: TriageEntry): void {
    const { key } = e;
    if (this.rules.length && !this.watchHits.has(key)) {
      const p = this.paperOf(key);
      this.watchHits.set(key, p ? matchWatch(p, this.rules).map((r) => r.label) : []);
    }
    const dismissed = this.isDismissed(key);
    e.handle.setTriage({ isNew: this.isNew(key), dismissed, watch: this.watchOf(key) });
    const dim = dismissed || (this.opts.dimSeen && this.ledger && this.seenBefore.has(key) && !this.saved.has(key));
    const hide = dim && !this.revealed.has(key) && (this.opts.hide === 'all' || (this.opts.hide === 'dismissed' && dismissed));
    e.handle.host.toggleAttribute('data-papershelf-dimmed', dim);
    e.handle.host.toggleAttribute('data-papershelf-hidden', hide);
    if (dim) this.dim(e.anchor);
    else this.undim(e.anchor);
    if (hide) this.hider.hide(e.anchor, this.paperOf(key)?.title ?? key);
    else this.hider.show(e.anchor);
  }

  /** The entry is dimmed through its own inline opacity, restored exactly on undim. */
  private dim(el: Element): void {
    const h = el as HTMLElement;
    if (!h.style || this.dimmed.has(h)) return;
    this.dimmed.set(h, h.style.getPropertyValue('opacity'));
    h.style.setProperty('opacity', DIM);
  }

  private undim(el: Element): void {
    const h = el as HTMLElement;
    const prev = this.dimmed.get(h);
    if (prev === undefined) return;
    this.dimmed.delete(h);
    if (prev) h.style.setProperty('opacity', prev);
    else h.style.removeProperty('opacity');
  }

  private newWindow(): ObserveWindow<Element> {
    return new ObserveWindow<Element>((a, b) => !!(a.compareDocumentPosition(b) & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */));
  }

  /** An entry to record: in the window's order; watched once the window is placed. */
  private observe(e: TriageEntry): void {
    if (!this.ledger || this.sent.has(e.key) || this.observed.has(e.anchor)) return;
    this.observed.set(e.anchor, e.key);
    this.window.add(e.anchor);
  }

  private get IO(): typeof IntersectionObserver | undefined {
    return (this.win as (Window & typeof globalThis) | null)?.IntersectionObserver;
  }

  /** Entries were added: the window takes them in where it is (the first time, from the top, then finds the screen). */
  private rewatch(): void {
    const first = this.window.at === undefined;
    this.apply(this.window.place(this.window.at ?? 0));
    if (first && this.window.entries.length > this.window.watching.size) this.locate();
  }

  private apply(p: Placement<Element> | undefined): void {
    if (!p || !(p.observe.length || p.unobserve.length)) return;
    const IO = this.IO;
    if (!IO) return;
    // One crossing in, one out: the only ratio the threshold cares about.
    const observer = (this.observer ??= new IO((records: IntersectionObserverEntry[]) => this.onIntersect(records), { threshold: SEEN_RATIO }));
    if (p.unobserve.length) {
      const now = performance.now();
      this.collectDue(now, false);
      for (const el of p.unobserve) {
        observer.unobserve(el);
        this.onScreen.delete(el);
        this.tracker.update(el, 0, now);
      }
    }
    for (const el of p.observe) observer.observe(el);
  }

  /**
   * Where the screen is in the listing, asked once of a throwaway observer: its first report
   * gives every entry's box (no layout read here), the window is placed on those on screen, or
   * between the entries above and those below.
   */
  private locate(): void {
    const IO = this.IO;
    if (this.locating || !IO) return;
    this.locating = true;
    const io = new IO((records: IntersectionObserverEntry[]) => {
      io.disconnect();
      this.locating = false;
      let sum = 0;
      let n = 0;
      let below = Infinity;
      for (const r of records) {
        const i = this.window.indexOf(r.target);
        if (i < 0) continue;
        if (r.isIntersecting) {
          sum += i;
          n++;
        } else if (r.boundingClientRect.top > 0 && i < below) below = i;
      }
      const at = n ? sum / n : below === Infinity ? this.window.entries.length - 1 : below;
      this.apply(this.window.place(at));
    });
    for (const el of this.window.entries) io.observe(el);
  }

  private onIntersect(records: IntersectionObserverEntry[]): void {
    const now = performance.now();
    // What had been on screen long enough counts before this change takes it off: an entry
    // leaving after 1.1 s was seen, even if the timer (due + slack) has not fired yet.
    this.collectDue(now, false);
    for (const r of records) {
      this.tracker.update(r.target, r.intersectionRatio, now);
      if (r.intersectionRatio >= SEEN_RATIO) this.onScreen.add(r.target);
      else this.onScreen.delete(r.target);
    }
    this.collectDue(now);
    this.apply(this.window.follow(this.onScreen));
  }

  /** Moves the entries past the threshold to the outbox; one timer waits for the next ones. */
  private collectDue(now: number, arm = true): void {
    for (const el of this.tracker.due(now)) {
      const key = this.observed.get(el);
      // Recorded, but still watched while near the screen: the window follows the screen by it.
      this.observed.delete(el);
      if (key && !this.sent.has(key)) {
        this.sent.add(key);
        this.outbox.push(key);
      }
    }
    if (this.outbox.length >= BATCH) this.flush();
    else if (this.outbox.length && this.flushTimer === undefined) this.flushTimer = later(() => this.flush(), FLUSH_MS);
    const at = arm ? this.tracker.nextDue() : undefined;
    if (at === undefined || this.dueTimer !== undefined) return;
    this.dueTimer = later(
      () => {
        this.dueTimer = undefined;
        this.collectDue(performance.now());
      },
      Math.max(0, at - now) + DUE_SLACK_MS,
    );
  }

  /** Sends the sightings waiting in the outbox, as one message. */
  flush(): void {
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const keys = this.outbox;
    this.outbox = [];
    if (!keys.length) return;
    const entries: Sighting[] = [];
    for (const key of keys) {
      const p = this.paperOf(key);
      if (p) entries.push({ ...sightingOf(p), key });
    }
    if (entries.length) this.env.seen(this.url(), entries).catch((e: unknown) => this.onError(e instanceof Error ? e.message : String(e)));
  }

  /**
   * Forgets every control (they are being removed) but not what was learnt: entries seen before
   * this page load stay New when the controls are rebuilt (a change of settings).
   */
  detachAll(): void {
    this.flush();
    this.observer?.disconnect();
    this.observed.clear();
    this.window = this.newWindow();
    this.onScreen.clear();
    this.tracker = new SeenTracker<Element>();
    this.byKey.clear();
    this.pending = [];
    for (const h of [...this.dimmed.keys()]) this.undim(h);
    this.hider.showAll();
  }
}
