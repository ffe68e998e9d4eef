// The library page's Annotations view: every note and highlight across papers, searched with
// the popup's query language (lib/search) plus `color:<colour>` and `has:highlight`. Filters
// (tag:, status:, year:, author:…) select papers; words must appear in the annotation's text
// or its paper's title. Pure: papers and highlights in, annotations out.
import type { Highlight } from '../paper/highlight';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../paper/highlightLimits';
import { createSearchIndex, search, type IndexablePaper, type IndexedPaper, type SearchIndex } from '../search/index';
import { fold } from '../search/normalize';
import { parseQuery } from '../search/query';

export type Annotation =
  { kind: 'note'; paper: IndexedPaper; text: string } | { kind: 'highlight'; paper: IndexedPaper; highlight: Highlight; text: string };

export interface AnnotationQuery {
  /** The rest of the query, in the popup's language. */
  rest: string;
  colors: HighlightColor[];
  /** `has:highlight` (true) or `-has:highlight` (false). */
  hasHighlight?: boolean;
}

const COLOR = /(^|\s)(-?)colou?r:(\S*)/gi;
const HAS = /(^|\s)(-?)has:highlights?(?=\s|$)/gi;

export function parseAnnotationQuery(input: string): AnnotationQuery {
  const colors: HighlightColor[] = [];
  let hasHighlight: boolean | undefined;
  let rest = input.replace(COLOR, (_m, sp: string, neg: string, c: string) => {
    const color = HIGHLIGHT_COLORS.find((x) => x === c.toLowerCase());
    if (color && !neg) colors.push(color);
    return sp;
  });
  rest = rest.replace(HAS, (_m, sp: string, neg: string) => {
    hasHighlight = !neg;
    return sp;
  });
  return { rest: rest.trim(), colors, hasHighlight };
}

export function annotationsOf(papers: Iterable<IndexablePaper>, highlights: Highlight[], input: string, index?: SearchIndex): Annotation[] {
  const q = parseAnnotationQuery(input);
  const parsed = parseQuery(q.rest);
  const byKey = new Map<string, Highlight[]>();
  for (const h of highlights) byKey.set(h.key, [...(byKey.get(h.key) ?? []), h]);
  // Filters select papers through the search index; words are matched against annotations.
  const filtersOnly = parsed.filters.length
    ? parseQuery(
        parsed.chips
          .filter((c) => c.kind !== 'text' && c.valid)
          .map((c) => c.raw)
          .join(' '),
      )
    : null;
  const idx = index ?? (filtersOnly ? createSearchIndex(papers) : undefined);
  const allowed = filtersOnly && idx ? new Set(search(idx, filtersOnly, { limit: Number.MAX_SAFE_INTEGER }).keys) : null;
  const terms = parsed.terms;
  const matches = (text: string) =>
    terms.every((t) => {
      const hit = fold(text).includes(t.words.join(' '));
      return t.negated ? !hit : hit;
    });
  const out: Annotation[] = [];
  for (const paper of papers) {
    if (allowed && !allowed.has(paper.key)) continue;
    const hs = byKey.get(paper.key) ?? [];
    if (q.hasHighlight === true && !hs.length) continue;
    if (q.hasHighlight === false && hs.length) continue;
    if (paper.note.trim() && !q.colors.length && q.hasHighlight !== true && matches(`${paper.title}\n${paper.note}`)) {
      out.push({ kind: 'note', paper, text: paper.note });
    }
    for (const h of hs) {
      if (q.colors.length && !q.colors.includes(h.color)) continue;
      const text = h.selectors.quote.exact;
      if (matches(`${paper.title}\n${text}\n${h.comment ?? ''}`)) out.push({ kind: 'highlight', paper, highlight: h, text });
    }
  }
  // Newest first.
  const at = (a: Annotation) => (a.kind === 'note' ? a.paper.updatedAt : a.highlight.updatedAt);
  return out.sort((a, b) => at(b) - at(a));
}
