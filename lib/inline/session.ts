// One page's detection session: scans, mounts inline controls, follows client-side rendering,
// reports to the background and keeps every control's Saved state live.
import type { PaperMeta } from '../paper/schema';
import { detectWith, type RunOptions } from '../detect/engine';
import { adaptersFor } from '../detect/match';
import { keyOf, type Detection } from '../detect/types';
import { qsa } from '../detect/select';
import { findTitleHeading } from '../detect/anchor';
import { createControl, HOST_TAG, type ControlHandle } from './control';
import { placeInCorner } from './corner';
import type { InlineTriage, TriageEnv, TriageOptions } from './triage';

export interface SessionEnv {
  report(url: string, papers: PaperMeta[]): Promise<string[]>;
  save(paper: PaperMeta): Promise<string[]>;
  unsave(key: string): Promise<void>;
  /** Shown when an action fails (e.g. the extension was updated and this page is stale). */
  onError?(message: string): void;
  /** Daily triage's messages (New marks, Dismiss, sightings); without it, no triage. */
  triage?: TriageEnv;
}

export interface SessionOptions extends RunOptions {
  inlineButtons?: boolean;
  /** Called before each whole-page scan (e.g. to drop cached meta tags of the previous URL). */
  beforeScan?: () => void;
  triage?: TriageOptions;
  /** Called once, when the page first shows two controls (a listing): triage's code loads then. */
  onListing?: () => void;
}

/** Resolves in a later task: the browser may render what was just added in between. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface Mounted {
  key: string;
  handle: ControlHandle;
  anchor: Element;
}

export class PageSession {
  /** What the page shows, by key. A listing's papers may be built on first read (lazyEntry). */
  private papers = new Map<string, Detection>();
  /** Keys found by whole-page detection (single pages): they stay while the URL stays. */
  private pageKeys = new Set<string>();
  private controls = new Map<HTMLElement, Mounted>();
  private byKey: Map<string, ControlHandle[]> | undefined;
  private saved = new Set<string>();
  /** Controls of papers whose title the page does not show (yet), in a corner, by key. */
  private corners = new Map<string, ControlHandle>();
  private stopWatching: (() => void) | undefined;
  private lastReport = '';
  private url: string;
  private triage: InlineTriage | undefined;
  /** Controls held back from triage until the page shows two: triage is for listings, not a paper's own page. */
  private triageHeld: Mounted[] = [];
  private ordered: Mounted[] | undefined;

  constructor(
    private doc: Document,
    private env: SessionEnv,
    private opts: SessionOptions,
    url: string = doc.location?.href ?? '',
  ) {
    this.url = url;
  }

  /** Triage is configured for this page (its code comes later: `enableTriage`). */
  private get triageWanted(): boolean {
    return !!(this.env.triage && this.opts.triage);
  }

  /**
   * Starts triage with its class, loaded on demand (lib/content/triage.ts: the content scripts
   * stay small, and pages that are no listing never load it). The controls already placed get
   * their marks now.
   */
  enableTriage(Triage: typeof InlineTriage): void {
    if (this.triage || !this.env.triage || !this.opts.triage) return;
    this.triage = new Triage(
      this.doc,
      this.env.triage,
      this.opts.triage,
      (k) => this.paper(k),
      () => this.url,
      (m) => this.env.onError?.(m),
    );
    const placed = [...this.controls.values()].filter((m) => m.handle.host.isConnected);
    if (placed.length >= 2) this.triage.added(placed);
    else this.triageHeld = placed;
  }

  get keys(): string[] {
    return [...this.papers.keys()];
  }

  paper(key: string): PaperMeta | undefined {
    return this.papers.get(key)?.paper;
  }

  /** Whole-page scan: detect everything, mount what is missing, drop what is gone. */
  async scan(url = this.url): Promise<void> {
    if (url !== this.url) {
      this.url = url;
      this.pageKeys.clear();
    }
    this.opts.beforeScan?.();
    const { detections } = detectWith(this.doc, new URL(this.url), this.opts);
    this.papers.clear();
    this.pageKeys.clear();
    for (const d of detections) {
      const key = keyOf(d);
      this.papers.set(key, d);
      if (!d.anchor) this.pageKeys.add(key);
    }
    // Deduplicated, and on a page without controls yet (the first scan) nothing is left to find.
    const before = this.controls.size;
    this.mountAll(detections, !this.doc.getElementsByTagName(HOST_TAG).length);
    this.placeUnanchored();
    // Only controls of an earlier scan can have left the page since.
    if (before) this.pruneDetached(true);
    // The controls are in: let the browser show them before the report's copy of every paper.
    if (detections.length > 50) await nextTask();
    await this.report();
  }

  /** Incremental scan of added subtrees, for adapters that parse one entry at a time. */
  async scanAdded(roots: Element[]): Promise<void> {
    const adapters = adaptersFor(new URL(this.url), this.opts.adapters).filter((a) => a.entrySelector && a.parseEntry);
    if (!adapters.length) return this.scan();
    const found: Detection[] = [];
    for (const a of adapters) {
      const sel = a.entrySelector!;
      const entries = new Set<Element>();
      for (const r of roots) {
        if (!r.isConnected) continue;
        if (r.matches(sel)) entries.add(r);
        const up = r.parentElement?.closest(sel);
        if (up) entries.add(up);
        for (const e of qsa(r, sel)) entries.add(e);
      }
      for (const e of entries) {
        try {
          const d = a.parseEntry!(e, new URL(this.url));
          if (d) found.push(d);
        } catch {
          /* one broken entry must not stop the others */
        }
      }
    }
    for (const d of found) this.papers.set(keyOf(d), d);
    this.mountAll(found);
    this.pruneDetached(false);
    await this.report();
  }

  /** `fresh`: the detections have distinct keys and the page has no control yet. */
  private mountAll(detections: Detection[], fresh = false): void {
    if (this.opts.inlineButtons === false) return;
    const added: Mounted[] = [];
    for (const d of detections) {
      const m = d.anchor && this.mount(d, fresh);
      if (m) added.push(m);
    }
    this.fitLater(added.map((m) => m.handle));
    if (this.controls.size >= 2 && this.opts.onListing) {
      const onListing = this.opts.onListing;
      this.opts = { ...this.opts, onListing: undefined };
      onListing();
    }
    if (!this.triage || !added.length) return;
    if (this.controls.size < 2) this.triageHeld.push(...added);
    else {
      this.triage.added([...this.triageHeld.filter((m) => m.handle.host.isConnected), ...added]);
      this.triageHeld = [];
    }
  }

  /**
   * Dark sites get the dark look. Reading the page's colours forces a style pass: done in the
   * next animation frame (before it paints, so nothing flickers), where the browser computes
   * the page's style anyway, and not in the middle of the scan. Each ancestor is read once.
   */
  private fitLater(added: ControlHandle[]): void {
    if (!added.length) return;
    const fit = () => {
      const memo = new Map<Element, boolean>();
      for (const h of added) if (h.host.isConnected) h.fit(memo);
    };
    const view = this.doc.defaultView;
    if (view?.requestAnimationFrame) view.requestAnimationFrame(fit);
    else fit();
  }

  private mount(d: Detection, fresh: boolean): Mounted | undefined {
    const anchor = d.anchor!;
    const key = keyOf(d);
    const placement = d.placement ?? (anchor.tagName === 'A' ? 'after' : 'append');
    if (!fresh) {
      const near =
        placement === 'append' ? anchor.lastElementChild : placement === 'after' ? anchor.nextElementSibling : anchor.previousElementSibling;
      const existing = [near, ...anchor.querySelectorAll(HOST_TAG)].find(
        (el) => el?.tagName.toLowerCase() === HOST_TAG && el.getAttribute('data-papershelf-key') === key,
      );
      if (existing && this.controls.has(existing as HTMLElement)) return undefined;
      existing?.remove(); // a control left by an earlier instance of the extension
    }
    // The Dismiss button itself appears with triage's first look at the control (setTriage).
    const onDismiss = this.triageWanted ? () => void this.triage?.toggleDismiss(key) : undefined;
    const handle = createControl(this.doc, key, d.title ?? d.paper.title, (wasSaved) => void this.toggle(key, wasSaved), onDismiss);
    handle.setSaved(this.saved.has(key));
    if (placement === 'append') anchor.append(handle.host);
    else if (placement === 'after') anchor.after(handle.host);
    else anchor.before(handle.host);
    const m = { key, handle, anchor };
    this.controls.set(handle.host, m);
    this.byKey = undefined;
    this.ordered = undefined;
    return m;
  }

  /**
   * Papers found without an anchor (meta tags of a single-paper page): a control next to the
   * element that shows the title, else in a corner; while any is in a corner, the page is
   * watched for the title to appear (client-side rendering) and the control moves there.
   */
  private placeUnanchored(): void {
    for (const [key, h] of this.corners) {
      if (this.pageKeys.has(key)) continue;
      h.host.remove();
      this.corners.delete(key);
    }
    if (this.opts.inlineButtons === false) return;
    const added: ControlHandle[] = [];
    for (const key of this.pageKeys) {
      const d = this.papers.get(key)!;
      const title = d.title ?? d.paper.title;
      const el = findTitleHeading(this.doc, title);
      const corner = this.corners.get(key);
      if (el) {
        if (corner) {
          corner.host.remove();
          this.corners.delete(key);
        }
        const m = this.mount({ paper: d.paper, key, title, anchor: el, placement: 'append' }, false);
        if (m) added.push(m.handle);
      } else if (!corner && !this.hasControl(key)) {
        const h = createControl(this.doc, key, title, (wasSaved) => void this.toggle(key, wasSaved));
        h.setSaved(this.saved.has(key));
        placeInCorner(this.doc, h.host, this.corners.size);
        this.corners.set(key, h);
        // Its own anchor: a corner control stands for a single paper (triage is for listings).
        this.controls.set(h.host, { key, handle: h, anchor: h.host });
        this.byKey = undefined;
        added.push(h);
      }
    }
    this.fitLater(added);
    if (this.corners.size) this.watchForTitles();
    else this.stopWatching?.();
  }

  private hasControl(key: string): boolean {
    return this.handlesOf(key).some((h) => h.host.isConnected);
  }

  /** Retries placing corner controls as the page renders, for a while (debounced). */
  private watchForTitles(): void {
    const view = this.doc.defaultView;
    if (this.stopWatching || !view?.MutationObserver) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new view.MutationObserver(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        this.placeUnanchored();
      }, 200);
    });
    observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    const giveUp = setTimeout(() => this.stopWatching?.(), 15_000);
    this.stopWatching = () => {
      observer.disconnect();
      clearTimeout(giveUp);
      if (timer) clearTimeout(timer);
      this.stopWatching = undefined;
    };
  }

  private async toggle(key: string, wasSaved: boolean): Promise<void> {
    const handles = this.handlesOf(key);
    handles.forEach((h) => h.setBusy(true));
    try {
      if (wasSaved) await this.env.unsave(key);
      else {
        const paper = this.papers.get(key)?.paper;
        if (!paper) return;
        const keys = await this.env.save(paper);
        if (keys.includes(key)) this.setSaved(key, true);
      }
    } catch (e) {
      this.env.onError?.(e instanceof Error ? e.message : String(e));
    } finally {
      handles.forEach((h) => h.setBusy(false));
    }
  }

  private handlesOf(key: string): ControlHandle[] {
    // Indexed by key once per change of the control set: a 2,000-entry listing must not scan
    // every control for every key.
    if (!this.byKey) {
      this.byKey = new Map();
      for (const m of this.controls.values()) {
        const list = this.byKey.get(m.key);
        if (list) list.push(m.handle);
        else this.byKey.set(m.key, [m.handle]);
      }
    }
    return this.byKey.get(key) ?? [];
  }

  private setSaved(key: string, saved: boolean): void {
    if (saved) this.saved.add(key);
    else this.saved.delete(key);
    this.handlesOf(key).forEach((h) => h.setSaved(saved));
    this.triage?.setSaved(key, saved);
  }

  isSaved(key: string): boolean {
    return this.saved.has(key);
  }

  /** The page's controls in document order (keyboard triage's j/k). */
  entries(): readonly { key: string; handle: ControlHandle; anchor: Element }[] {
    this.ordered ??= [...this.controls.values()]
      .filter((m) => m.handle.host.isConnected)
      .sort((a, b) => (a.handle.host.compareDocumentPosition(b.handle.host) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return this.ordered;
  }

  /** Saves a paper of the page, as its Save button does (nothing when it is saved already). */
  async savePaper(key: string): Promise<void> {
    if (!this.saved.has(key)) await this.toggle(key, false);
  }

  toggleDismiss(key: string): Promise<void> {
    return this.triage?.toggleDismiss(key) ?? Promise.resolve();
  }

  /** Applies the library's answer for this page's keys. */
  /** A dismissal (or its undo) made in another tab: shown here without telling anyone. */
  applyDismissed(key: string, dismissed: boolean): void {
    this.triage?.setDismissed(key, dismissed);
  }

  applySaved(savedKeys: Iterable<string>): void {
    const now = new Set(savedKeys);
    for (const key of this.papers.keys()) this.setSaved(key, now.has(key));
  }

  /** Forgets controls whose entry left the page, and the papers only they showed. */
  private pruneDetached(full: boolean): void {
    // After a whole-page scan the papers are what the page shows: only dead controls go.
    const alive = full ? undefined : new Set(this.pageKeys);
    for (const [host, m] of this.controls) {
      if (host.isConnected) alive?.add(m.key);
      else {
        this.controls.delete(host);
        this.byKey = undefined;
        this.ordered = undefined;
        this.triage?.removed(m);
      }
    }
    if (!alive || this.opts.inlineButtons === false) return;
    for (const key of [...this.papers.keys()]) if (!alive.has(key)) this.papers.delete(key);
  }

  /** Tells the background what is on the page, when that changed. */
  async report(force = false): Promise<void> {
    const signature = this.url + '\n' + [...this.papers.keys()].sort().join('\n');
    if (!force && signature === this.lastReport) return;
    this.lastReport = signature;
    const papers = [...this.papers.values()].map((d) => d.paper);
    const saved = await this.env.report(this.url, papers);
    this.applySaved(saved);
  }

  /** New settings (from the options page): takes effect at the next scan. */
  reconfigure(patch: Partial<Omit<SessionOptions, 'adapters'>>): void {
    this.opts = { ...this.opts, ...patch };
    if (patch.triage) this.triage?.reconfigure(patch.triage);
  }

  /** Removes every control (the extension was reloaded or disabled). */
  destroy(): void {
    this.stopWatching?.();
    this.triage?.detachAll();
    this.triageHeld = [];
    for (const host of this.controls.keys()) host.remove();
    this.controls.clear();
    this.corners.clear();
    this.byKey = undefined;
    this.ordered = undefined;
  }
}
