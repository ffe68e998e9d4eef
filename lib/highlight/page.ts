// Highlighting on a page showing one paper: draws the paper's highlights, offers the selection
// toolbar, lists what could not be placed. Talks to the library only through `backend` (the
// content script's messages): a content script never opens the database.
import type { Highlight, HighlightSelectors } from '../paper/highlight';
import type { HighlightColor } from '../paper/highlightLimits';
import { describeRange } from './anchor';
import { Attacher, isOwn, type Placement } from './attach';
import { commentTips } from './tooltip';
import { createToolbar } from './toolbar';
import { buildTextIndex } from './text';
import { createUnplacedList } from './unplaced';

export interface HighlightDraft {
  selectors: HighlightSelectors;
  color: HighlightColor;
  comment?: string;
  url: string;
}

export interface HighlightBackend {
  list(): Promise<Highlight[]>;
  add(draft: HighlightDraft): Promise<Highlight>;
  addToNote(text: string): Promise<void>;
  onError(message: string): void;
}

export interface HighlightPage {
  /** Highlights the current selection (the keyboard shortcut). */
  highlightSelection(color?: HighlightColor): Promise<Highlight | null>;
  /** Reads the paper's highlights again (the library changed). */
  reload(): Promise<Placement>;
  readonly placement: Placement;
  destroy(): void;
}

/**
 * `early`: an attacher that already drew the paper's highlights (the chunk's own start at
 * DOMContentLoaded, see content.ts): kept as it is when it holds the list `backend` gives.
 */
export function startHighlighting(
  doc: Document,
  backend: HighlightBackend,
  pageUrl: () => string = () => doc.location.href,
  early?: Attacher,
): HighlightPage {
  const root = () => doc.body ?? doc.documentElement;
  const unplacedList = createUnplacedList(doc);
  const attacher = early ?? new Attacher(doc, () => {});
  attacher.onPlaced = (p) => unplacedList.show(p.unplaced);
  let comments = new Map<string, string>();
  const stopTips = commentTips(doc, () => attacher.placement.placed.map((d) => ({ range: d.range, comment: comments.get(d.id) })));
  let pending: Range | null = null;

  const selectedRange = (): Range | null => {
    const sel = doc.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
    const r = sel.getRangeAt(0);
    for (let n: Node | null = r.commonAncestorContainer; n; n = n.parentNode) if (isOwn(n)) return null;
    return root().contains(r.commonAncestorContainer) ? r.cloneRange() : null;
  };

  const create = async (range: Range, color: HighlightColor, comment?: string) => {
    const d = describeRange(buildTextIndex(root()), range);
    if (!d) return null;
    try {
      const h = await backend.add({ selectors: d.selectors, color, comment: comment || undefined, url: pageUrl() });
      doc.getSelection()?.removeAllRanges();
      await reload();
      return h;
    } catch (e) {
      backend.onError(e instanceof Error ? e.message : String(e));
      return null;
    }
  };

  const toolbar = createToolbar(doc, {
    highlight: (color) => {
      toolbar.hide();
      if (pending) void create(pending, color);
    },
    comment: (color, text) => {
      toolbar.hide();
      if (pending) void create(pending, color, text);
    },
    addToNote: () => {
      toolbar.hide();
      const text = pending?.toString().trim();
      if (text) backend.addToNote(text).catch((e: unknown) => backend.onError(String(e)));
    },
  });

  const onSelectEnd = (e: Event) => {
    if (!e.isTrusted || e.composedPath().includes(toolbar.host)) return;
    // After the browser has updated the selection for this click or key.
    setTimeout(() => {
      const r = selectedRange();
      if (!r) return toolbar.hide();
      const d = describeRange(buildTextIndex(root()), r);
      if (!d) return toolbar.hide();
      pending = r;
      const rects = r.getClientRects();
      const last = rects.length ? rects[rects.length - 1] : r.getBoundingClientRect();
      toolbar.show({ left: last.left, bottom: last.bottom }, d.clamped);
    }, 0);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && toolbar.visible) toolbar.hide();
  };
  doc.addEventListener('mouseup', onSelectEnd);
  doc.addEventListener('keyup', onSelectEnd);
  doc.addEventListener('keydown', onKey);

  async function reload(): Promise<Placement> {
    const list = await backend.list();
    comments = new Map(list.filter((h) => h.comment).map((h) => [h.id, h.comment!]));
    if (!attacher.holds(list)) return attacher.set(list);
    // Drawn already (or being drawn) from this very list: no second pass.
    const p = await attacher.settled();
    unplacedList.show(p.unplaced);
    return p;
  }
  void reload()
    .then(() => attacher.watch())
    .catch((e: unknown) => backend.onError(String(e)));

  return {
    async highlightSelection(color = 'yellow') {
      const r = selectedRange();
      return r ? create(r, color) : null;
    },
    reload,
    get placement() {
      return attacher.placement;
    },
    destroy() {
      doc.removeEventListener('mouseup', onSelectEnd);
      doc.removeEventListener('keyup', onSelectEnd);
      doc.removeEventListener('keydown', onKey);
      toolbar.destroy();
      stopTips();
      unplacedList.destroy();
      attacher.destroy();
    },
  };
}
