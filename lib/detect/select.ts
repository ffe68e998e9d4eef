// Selector look-ups inside one listing entry, at a cost that depends on the entry, not the page.
//
// Chromium answers `entry.querySelector('.list-authors a')` (a class or attribute left of a
// combinator) by looking through the whole document: ~40 µs per call on a 2,000-entry arXiv
// list, so parsing every entry grew with the square of the page (≈ 0.1 s of a 0.15 s parse went
// there; tests/bench measures it). Selectors without combinators stay fast natively. For the
// others under an element, testing the entry's own descendants with `matches` is exact (the same
// elements, in document order: `matches` checks ancestors outside the entry too, as
// `querySelector` does) and costs a fraction of a microsecond per element.

const COMPLEX = new Map<string, boolean>();

/** Whether `sel` has a combinator (descendant, child, sibling) in any of its selectors. */
function hasCombinator(sel: string): boolean {
  let known = COMPLEX.get(sel);
  if (known === undefined) {
    const bare = sel
      .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
      .replace(/\[[^\]]*\]/g, '[]')
      .replace(/\([^()]*\)/g, '()')
      .replace(/\s*,\s*/g, ',')
      .trim();
    known = /[\s>+~]/.test(bare);
    COMPLEX.set(sel, known);
  }
  return known;
}

// `:scope` means the element being tested under `matches`, the query root under `querySelector`.
const byMatching = (root: ParentNode | null | undefined, sel: string): root is Element =>
  !!root && (root as Node).nodeType === 1 && hasCombinator(sel) && !sel.includes(':scope');

/** `root.querySelector(sel)`; null when there is no root. */
export function qs(root: ParentNode | null | undefined, sel: string): Element | null {
  if (!root) return null;
  if (!byMatching(root, sel)) return root.querySelector(sel);
  for (const el of root.getElementsByTagName('*')) if (el.matches(sel)) return el;
  return null;
}

/** `root.querySelectorAll(sel)` as an array; empty when there is no root. */
export function qsa(root: ParentNode | null | undefined, sel: string): Element[] {
  if (!root) return [];
  if (!byMatching(root, sel)) return [...root.querySelectorAll(sel)];
  const out: Element[] = [];
  for (const el of root.getElementsByTagName('*')) if (el.matches(sel)) out.push(el);
  return out;
}
