// Draws highlights without touching the page's DOM: one CSS Custom Highlight per colour
// (`papershelf-<colour>` in CSS.highlights) styled by a constructed stylesheet the document
// adopts (adoptedStyleSheets leave the serialised DOM as it was). Only where that API is
// missing are the passages wrapped in <mark data-papershelf-highlight>.
import { HIGHLIGHT_COLORS, type HighlightColor } from '../paper/highlightLimits';

export const HIGHLIGHT_NAME_PREFIX = 'papershelf';
export const highlightName = (c: HighlightColor) => `${HIGHLIGHT_NAME_PREFIX}-${c}`;

export const COLOR_CSS: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 214, 0, .45)',
  green: 'rgba(60, 200, 90, .38)',
  blue: 'rgba(70, 150, 255, .35)',
  pink: 'rgba(255, 90, 170, .35)',
};

export interface Drawn {
  id: string;
  color: HighlightColor;
  range: Range;
}

type HighlightCtor = new (...ranges: AbstractRange[]) => { add(r: AbstractRange): void; clear(): void };
interface Registry {
  set(name: string, h: unknown): void;
  delete(name: string): boolean;
}

export interface Painter {
  /** 'css' when drawn through CSS.highlights, 'marks' in the fallback. */
  readonly mode: 'css' | 'marks';
  /** Readies the styles before the first paint (a new sheet costs the page a style pass). */
  prepare(): void;
  paint(drawn: Drawn[]): void;
  clear(): void;
}

export function createPainter(doc: Document): Painter {
  const win = doc.defaultView as (Window & { CSS?: { highlights?: Registry }; Highlight?: HighlightCtor }) | null;
  const registry = win?.CSS?.highlights;
  const Highlight = win?.Highlight;
  return registry && Highlight ? cssPainter(doc, registry, Highlight) : markPainter(doc);
}

function cssPainter(doc: Document, registry: Registry, Highlight: HighlightCtor): Painter {
  let sheet: CSSStyleSheet | null = null;
  const ensureSheet = () => {
    if (sheet || !Array.isArray(doc.adoptedStyleSheets)) return;
    const Sheet = doc.defaultView!.CSSStyleSheet;
    sheet = new Sheet();
    sheet.replaceSync(HIGHLIGHT_COLORS.map((c) => `::highlight(${highlightName(c)}){background-color:${COLOR_CSS[c]}}`).join('\n'));
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  };
  const clear = () => {
    for (const c of HIGHLIGHT_COLORS) registry.delete(highlightName(c));
  };
  return {
    mode: 'css',
    prepare: ensureSheet,
    paint(drawn) {
      ensureSheet();
      clear();
      for (const c of HIGHLIGHT_COLORS) {
        const ranges = drawn.filter((d) => d.color === c).map((d) => d.range);
        if (ranges.length) registry.set(highlightName(c), new Highlight(...ranges));
      }
    },
    clear,
  };
}

/** Fallback: wraps each text node a passage covers (splitting at its edges) in a mark. */
function markPainter(doc: Document): Painter {
  let marks: HTMLElement[] = [];
  const clear = () => {
    for (const m of marks) {
      const parent = m.parentNode;
      if (!parent) continue;
      while (m.firstChild) parent.insertBefore(m.firstChild, m);
      parent.removeChild(m);
      parent.normalize();
    }
    marks = [];
  };
  const wrap = (d: Drawn) => {
    const r = d.range;
    if (r.collapsed) return;
    const texts: Text[] = [];
    const walker = doc.createTreeWalker(r.commonAncestorContainer, 0x4);
    for (let n = walker.currentNode.nodeType === 3 ? walker.currentNode : walker.nextNode(); n; n = walker.nextNode()) {
      if (r.intersectsNode(n)) texts.push(n as Text);
    }
    for (let t of texts) {
      if (t === r.endContainer && r.endOffset < t.data.length) t.splitText(r.endOffset);
      if (t === r.startContainer && r.startOffset > 0) t = t.splitText(r.startOffset);
      if (!t.data.trim()) continue;
      const mark = doc.createElement('mark');
      mark.setAttribute('data-papershelf-highlight', d.color);
      mark.dataset.papershelfId = d.id;
      mark.style.cssText = `background:${COLOR_CSS[d.color]};color:inherit`;
      t.parentNode!.insertBefore(mark, t);
      mark.appendChild(t);
      marks.push(mark);
    }
  };
  return {
    mode: 'marks',
    prepare() {},
    paint(drawn) {
      clear();
      // Back to front: splitting a text node leaves the ranges before it where they were.
      for (const d of [...drawn].sort((a, b) => b.range.compareBoundaryPoints(0, a.range))) wrap(d);
    },
    clear,
  };
}
