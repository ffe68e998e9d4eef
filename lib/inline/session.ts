// One page's detection session: scans, mounts inline controls, follows client-side rendering,
// reports to the background and keeps every control's Saved state live.
import type { PaperMeta } from '../paper/schema';
import { detectWith, mergeDetections, type RunOptions } from '../detect/engine';
import { adaptersFor } from '../detect/match';
import { keyOf, type Detection, type Placement } from '../detect/types';
import { qsa } from '../detect/select';
import { findTitleHeading } from '../detect/anchor';
import { createControl, DarkMemo, HOST_TAG, type ControlHandle } from './control';
import { placeInCorner } from './corner';
import { afterLoad, frameSlices, inSlices } from './idle';
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

/**
 * Entries placed at once on a long listing: more than a first screen holds (1280×900 shows about
 * 15 arXiv entries, 40 dblp rows), few enough to cost a few ms before the page's first layout.
 */
const FIRST_SCREEN = 60;

/** Controls put in the page together after the first screen (see placeInSlices). */
const ATTACH_BATCH = 150;

interface Built {
  key: string;
  handle: ControlHandle;
  anchor: Element;
  placement: Placement;
}

interface Mounted {
  key: string;
  handle: ControlHandle;
  anchor: Element;
  /** The whole-page scan during which it was placed (PageSession.scans). */
  scan?: number;
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
  /** Counts whole-page scans: a scan still placing controls stops when a newer one starts. */
  private scans = 0;
  /** Detected entries whose control is still to come (placed in slices), by key. */
  private pending = new Map<string, Detection>();
  /** The page's colours as read so far (each whole-page scan reads them anew). */
  private dark = new DarkMemo();

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

  /**
   * Whole-page scan: detect everything, mount what is missing, drop what is gone. A long listing
   * is placed as a reader sees it: the controls of the first screen at once (its first entries,
   * read with the adapter's entry parser, before the page's first layout), the rest after the
   * load event in slices, one after each frame (the whole page's detection among them), so that neither
   * the load event nor a click waits for 2,000 controls. A newer scan takes over from one that
   * is still placing; entries the page adds meanwhile come through `scanAdded` as before.
   */
  async scan(url = this.url): Promise<void> {
    if (url !== this.url) {
      this.url = url;
      this.pageKeys.clear();
    }
    const scan = ++this.scans;
    const alive = () => scan === this.scans;
    this.dark = new DarkMemo();
    this.opts.beforeScan?.();
    const before = this.controls.size;
    const listing = this.longListing();
    let detections: Detection[] | undefined;
    let rest: Detection[] = [];
    if (listing) {
      const found = await this.readListing(listing, alive);
      if (!found) return;
      // As the engine would: a "listing" of one paper is completed by the generic layer.
      if (found.length > 1) detections = found;
    }
    if (!detections) {
      detections = detectWith(this.doc, new URL(this.url), this.opts).detections;
      const anchored = detections.filter((d) => d.anchor);
      this.mountAll(anchored.slice(0, FIRST_SCREEN));
      rest = anchored.slice(FIRST_SCREEN);
    }
    // Entries the page added while this scan read it came through scanAdded: they stay.
    const addedMeanwhile = [...this.controls.values()].filter((m) => m.scan === scan && m.handle.host.isConnected);
    const kept = addedMeanwhile.map((m) => this.papers.get(m.key)).filter((d) => d !== undefined);
    this.papers.clear();
    this.pageKeys.clear();
    this.pending.clear();
    for (const d of [...kept, ...detections]) {
      const key = keyOf(d);
      this.papers.set(key, d);
      if (!d.anchor) this.pageKeys.add(key);
    }
    // Controls of an earlier scan whose paper this one did not find (a listing read entry by entry).
    if (listing) for (const [host, m] of this.controls) if (m.anchor !== host && m.scan !== scan && !this.papers.has(m.key)) host.remove();
    this.placeUnanchored();
    if (rest.length) {
      for (const d of rest) this.pending.set(keyOf(d), d);
      await this.afterLoad();
      const next = (i: number) => {
        const d = rest[i];
        this.pending.delete(keyOf(d));
        return d.anchor!.isConnected ? d : undefined;
      };
      if (!alive() || !(await this.placeInSlices(rest.length, next, alive))) return;
      // Entries that left the page before their control came are no longer on it.
      for (const d of rest) if (!d.anchor!.isConnected && !this.hasControl(keyOf(d))) this.papers.delete(keyOf(d));
    }
    // Only controls of an earlier scan (or of this one, placed in slices) can have left the page since.
    if (before || listing || rest.length) this.pruneDetached(true);
    await this.report(false, alive);
  }

  /** A long listing's entries and their parser, where the site's papers are its entries; undefined for other pages. */
  private longListing(): { els: NodeListOf<Element>; parse: (el: Element, url: URL) => Detection | null } | undefined {
    const disabled = new Set(this.opts.disabled ?? []);
    const url = new URL(this.url);
    const site = adaptersFor(url, this.opts.adapters).filter((a) => !disabled.has(a.id));
    const a = site.length === 1 ? site[0] : undefined;
    if (!a?.entrySelector || !a.parseEntry || !a.entriesOnly?.(url)) return undefined;
    const els = this.doc.querySelectorAll(a.entrySelector);
    return els.length > FIRST_SCREEN ? { els, parse: a.parseEntry.bind(a) } : undefined;
  }

  /**
   * Reads and places a long listing entry by entry: the first screen at once (before the page's
   * first layout), the rest after the load event in slices (frameSlices). Undefined when a newer
   * scan took over.
   */
  private async readListing(
    { els, parse }: NonNullable<ReturnType<PageSession['longListing']>>,
    alive: () => boolean,
  ): Promise<Detection[] | undefined> {
    const url = new URL(this.url);
    const byKey = new Map<string, Detection>();
    const step = (i: number): Detection | undefined => {
      if (!els[i].isConnected) return; // the page removed it meanwhile
      let d: Detection | null = null;
      try {
        d = parse(els[i], url);
      } catch {
        /* one broken entry must not stop the others */
      }
      if (!d) return;
      const key = keyOf(d);
      const prev = byKey.get(key);
      if (prev) return void byKey.set(key, mergeDetections(prev, d));
      byKey.set(key, d);
      // Its paper at once: a click on Save must find it before the whole page is read.
      this.papers.set(key, d);
      return d.anchor ? d : undefined;
    };
    const first: Detection[] = [];
    for (let i = 0; i < FIRST_SCREEN; i++) {
      const d = step(i);
      if (d) first.push(d);
    }
    this.mountAll(first);
    await this.afterLoad();
    if (!(await this.placeInSlices(els.length - FIRST_SCREEN, (i) => step(i + FIRST_SCREEN), alive))) return undefined;
    return [...byKey.values()];
  }

  /** After the load event (see lib/inline/idle.ts). */
  private async afterLoad(): Promise<void> {
    const win = this.doc.defaultView;
    if (win) await afterLoad(win);
  }

  /**
   * Builds the controls of `next(0)`…`next(n - 1)` in slices off the page, and puts them in by
   * ATTACH_BATCH, none while the reader clicks or types (frameSlices); false when a newer scan
   * took over. Each change to a long listing costs the browser a pass over the whole list in the
   * next frame (about 25 ms on 2,000 arXiv entries, busy machine), each control its own style
   * and layout: a few batches, which the browser draws in fewer frames still. A slice only reads
   * (the entries, the page's colours behind them, see DarkMemo) before its one write: no style
   * pass is forced.
   */
  private async placeInSlices(n: number, next: (i: number) => Detection | undefined, alive: () => boolean): Promise<boolean> {
    const win = this.doc.defaultView;
    const slices = win ? frameSlices(win) : undefined;
    let i = 0;
    let built: Built[] = [];
    // Triage's marks come for all of them at the end, when the reader is not clicking: each of
    // its looks changes every control it is given, and the frame that follows costs a pass over
    // the whole list (a click then waited for several: 4.5× the page's own delay, traced).
    const forTriage: Mounted[] = [];
    try {
      while (i < n || built.length) {
        await slices?.next();
        if (!alive()) return false;
        if (built.length >= ATTACH_BATCH || i >= n) {
          await slices?.ready();
          if (!alive()) return false;
          forTriage.push(...this.attachAll(built));
          built = [];
          continue;
        }
        do {
          const d = next(i++);
          const b = d && this.opts.inlineButtons !== false ? this.build(d) : undefined;
          if (!b) continue;
          b.handle.fit(this.dark, b.placement === 'append' ? b.anchor : (b.anchor.parentElement ?? b.anchor));
          built.push(b);
        } while (i < n && built.length < ATTACH_BATCH && !slices?.due());
      }
      await slices?.ready();
      return true;
    } finally {
      slices?.stop();
      this.toTriage(forTriage.filter((m) => m.handle.host.isConnected));
    }
  }

  /** Puts built (and fitted) controls in the page at once; their triage is the caller's. */
  private attachAll(built: Built[]): Mounted[] {
    const added: Mounted[] = [];
    for (const b of built) {
      const m = b.anchor.isConnected ? this.attach(b) : undefined;
      if (m) added.push(m);
    }
    this.placed(added, true, false);
    return added;
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
    for (const d of found) {
      this.papers.set(keyOf(d), d);
      this.pending.delete(keyOf(d));
    }
    this.mountAll(found);
    this.pruneDetached(false);
    await this.report();
  }

  private mountAll(detections: Detection[]): Mounted[] {
    if (this.opts.inlineButtons === false) return [];
    const added: Mounted[] = [];
    for (const d of detections) {
      const m = d.anchor && this.mount(d);
      if (m) added.push(m);
    }
    return this.placed(added);
  }

  /** What follows the placing of controls: their look (unless `fitted`), triage's code and marks (unless not `triage`). */
  private placed(added: Mounted[], fitted = false, triage = true): Mounted[] {
    if (!fitted) this.fitLater(added.map((m) => m.handle));
    if (this.controls.size >= 2 && this.opts.onListing) {
      const onListing = this.opts.onListing;
      this.opts = { ...this.opts, onListing: undefined };
      onListing();
    }
    if (triage) this.toTriage(added);
    return added;
  }

  private toTriage(added: Mounted[]): void {
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
   * the page's style anyway, and not in the middle of the scan (see DarkMemo).
   */
  private fitLater(added: ControlHandle[]): void {
    if (!added.length) return;
    const fit = () => {
      for (const h of added) if (h.host.isConnected) h.fit(this.dark);
    };
    const view = this.doc.defaultView;
    if (view?.requestAnimationFrame) view.requestAnimationFrame(fit);
    else fit();
  }

  private mount(d: Detection): Mounted | undefined {
    const b = this.build(d);
    return b && this.attach(b);
  }

  /** The control of `d`, built but not in the page yet; undefined when it has one already. */
  private build(d: Detection): Built | undefined {
    const anchor = d.anchor!;
    const key = keyOf(d);
    const placement = d.placement ?? (anchor.tagName === 'A' ? 'after' : 'append');
    const existing = this.existingHost(anchor, placement, key);
    if (existing && this.controls.has(existing)) return undefined;
    existing?.remove(); // a control left by an earlier instance of the extension
    // The Dismiss button is built with the control, hidden until triage's first look (setTriage).
    const onDismiss = this.triageWanted ? () => void this.triage?.toggleDismiss(key) : undefined;
    const handle = createControl(this.doc, key, d.title ?? d.paper.title, (wasSaved) => void this.toggle(key, wasSaved), onDismiss);
    return { key, handle, anchor, placement };
  }

  /** Puts a built control in the page (unless one came meanwhile, through scanAdded). */
  private attach({ key, handle, anchor, placement }: Built): Mounted | undefined {
    const existing = this.existingHost(anchor, placement, key);
    if (existing && this.controls.has(existing)) return undefined;
    handle.setSaved(this.saved.has(key));
    if (placement === 'append') anchor.append(handle.host);
    else if (placement === 'after') anchor.after(handle.host);
    else anchor.before(handle.host);
    const m = { key, handle, anchor, scan: this.scans };
    this.controls.set(handle.host, m);
    this.byKey = undefined;
    this.ordered = undefined;
    return m;
  }

  private existingHost(anchor: Element, placement: Placement, key: string): HTMLElement | undefined {
    const near = placement === 'append' ? anchor.lastElementChild : placement === 'after' ? anchor.nextElementSibling : anchor.previousElementSibling;
    return [near, ...anchor.getElementsByTagName(HOST_TAG)].find(
      (el) => el?.tagName.toLowerCase() === HOST_TAG && el.getAttribute('data-papershelf-key') === key,
    ) as HTMLElement | undefined;
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
        const m = this.mount({ paper: d.paper, key, title, anchor: el, placement: 'append' });
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
    // Entries a scan still has to place (in slices) are on the page too.
    const alive = full ? undefined : new Set([...this.pageKeys, ...this.pending.keys()]);
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

  /**
   * Tells the background what is on the page, when that changed. A listing's papers are built
   * here (lazyEntry), in slices; a newer scan (`alive` false) drops this report.
   */
  async report(force = false, alive: () => boolean = () => true): Promise<void> {
    const signature = this.url + '\n' + [...this.papers.keys()].sort().join('\n');
    if (!force && signature === this.lastReport) return;
    this.lastReport = signature;
    const url = this.url;
    const list = [...this.papers.values()];
    const papers: PaperMeta[] = [];
    const win = this.doc.defaultView;
    if (win && list.length > FIRST_SCREEN) {
      const current = () => alive() && this.lastReport === signature;
      if (!(await inSlices(win, list, (d) => void papers.push(d.paper), current))) {
        if (this.lastReport === signature) this.lastReport = '';
        return;
      }
    } else for (const d of list) papers.push(d.paper);
    const saved = await this.env.report(url, papers);
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
