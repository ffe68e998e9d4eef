// describe: a Range -> W3C TextQuote + TextPosition selectors; anchor: selectors -> text offsets.
// Anchoring follows Hypothesis's client: the position is only a hint, the quote is found
// exactly or approximately (approx-string-match, Myers' bit-parallel algorithm), and a
// candidate is scored by how well the quote, the prefix, the suffix and the position agree.
import search from 'approx-string-match';
import type { HighlightSelectors } from '../paper/highlight';
import { HIGHLIGHT_LIMITS } from '../paper/highlightLimits';
import { pointToIndex, type TextIndex } from './text';

const CONTEXT = 32;

export interface Described {
  selectors: HighlightSelectors;
  /** The selection was longer than a highlight may be and was cut to its first characters. */
  clamped: boolean;
}

export function describeRange(ix: TextIndex, range: Range): Described | null {
  let start = pointToIndex(ix, range.startContainer, range.startOffset);
  let end = pointToIndex(ix, range.endContainer, range.endOffset);
  // Whitespace at the edges is not part of the passage.
  while (start < end && ix.text.charCodeAt(start) === 32) start++;
  while (end > start && ix.text.charCodeAt(end - 1) === 32) end--;
  if (end <= start) return null;
  const clamped = end - start > HIGHLIGHT_LIMITS.quote;
  if (clamped) end = start + HIGHLIGHT_LIMITS.quote;
  return { selectors: selectorsAt(ix.text, start, end), clamped };
}

export function selectorsAt(text: string, start: number, end: number): HighlightSelectors {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

export interface Anchored {
  start: number;
  end: number;
  /** false when the quote was found approximately (the passage was edited). */
  exact: boolean;
}

/** Similarity in [0, 1] of `a` to the best match of it at the edge of `b`. */
function similarity(want: string, text: string): number {
  if (!want) return 1;
  if (!text) return 0;
  const m = search(text, want, want.length);
  if (!m.length) return 0;
  return 1 - Math.min(...m.map((x) => x.errors)) / want.length;
}

function score(text: string, q: HighlightSelectors, start: number, end: number, errors: number): number {
  const { exact, prefix = '', suffix = '' } = q.quote;
  const quote = 1 - errors / exact.length;
  const pre = similarity(prefix, text.slice(Math.max(0, start - prefix.length - 8), start));
  const suf = similarity(suffix, text.slice(end, end + suffix.length + 8));
  const pos = q.position ? 1 - Math.min(1, Math.abs(start - q.position.start) / Math.max(1, text.length)) : 0;
  return 50 * quote + 20 * pre + 20 * suf + 2 * pos;
}

/** Where the quote is in `text`, or null if it is gone (too edited, or removed). */
export function anchorSelectors(text: string, sel: HighlightSelectors): Anchored | null {
  const { exact } = sel.quote;
  const pos = sel.position;
  if (pos && text.slice(pos.start, pos.end) === exact) {
    const { prefix = '', suffix = '' } = sel.quote;
    if (text.slice(pos.start - prefix.length, pos.start) === prefix && text.slice(pos.end, pos.end + suffix.length) === suffix) {
      return { start: pos.start, end: pos.end, exact: true };
    }
  }
  // Exact occurrences: the one with the best context wins (a short quote can repeat).
  let best: { start: number; end: number; s: number } | null = null;
  let n = 0;
  for (let i = text.indexOf(exact); i >= 0 && n < 200; i = text.indexOf(exact, i + 1), n++) {
    const s = score(text, sel, i, i + exact.length, 0);
    if (!best || s > best.s) best = { start: i, end: i + exact.length, s };
  }
  if (best) return { start: best.start, end: best.end, exact: true };
  // Approximate: allow edits up to a fifth of the quote, then demand agreeing context.
  const maxErrors = Math.min(256, Math.floor(exact.length / 5));
  if (maxErrors < 1) return null;
  // Near the old position first (a new version moves text a little): a search of the whole of
  // a long paper costs tens of ms, a window around the hint a few.
  if (pos) {
    const from = Math.max(0, pos.start - WINDOW);
    const near = fuzzy(text, sel, maxErrors, from, Math.min(text.length, pos.end + WINDOW));
    if (near || (from === 0 && pos.end + WINDOW >= text.length)) return near;
  }
  return fuzzy(text, sel, maxErrors, 0, text.length);
}

const WINDOW = 20_000;

function fuzzy(text: string, sel: HighlightSelectors, maxErrors: number, from: number, to: number): Anchored | null {
  let best: { start: number; end: number; s: number } | null = null;
  for (const m of search(text.slice(from, to), sel.quote.exact, maxErrors).slice(0, 50)) {
    const s = score(text, sel, from + m.start, from + m.end, m.errors);
    if (!best || s > best.s) best = { start: from + m.start, end: from + m.end, s };
  }
  // 50 * 0.8 for the quote alone, plus some agreement of prefix or suffix.
  return best && best.s >= 50 ? { start: best.start, end: best.end, exact: false } : null;
}
