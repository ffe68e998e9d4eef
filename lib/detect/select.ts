// Selector look-ups inside one listing entry, at a cost that depends on the entry, not the page.
//
// Chromium answers `entry.querySelector('.list-authors a')` (a class or attribute left of a
// combinator) by looking through the whole document: ~40 µs per call on a 2,000-entry arXiv
// list, so parsing every entry grew with the square of the page (≈ 0.1 s of a 0.15 s parse went
// there; tests/bench measures it). Selectors without combinators stay fast natively.

// For such a selector under an element, the candidates are found natively with a selector
// that has no combinator: the rightmost compound of each selector in the list
// (`.list-authors a` → `a`, which the browser answers from the entry's own descendants); those
// that `matches` the whole selector are the answer (the same elements, in document order:
// `matches` checks ancestors outside the entry too, as `querySelector` does).

interface Plan {
  /** The list's rightmost compounds, joined: a selector without combinators. */
  candidates: string;
}

const PLANS = new Map<string, Plan | null>();

/**
 * Splits `sel` at its top-level commas and finds where each selector's last compound starts
 * (after the last combinator outside quotes, brackets and parentheses). Null when `sel` has no
 * combinator (the browser answers it well as it is) or uses `:scope` (under `matches` it means
 * the element tested, under `querySelector` the query root).
 */
function planOf(sel: string): Plan | null {
  let plan = PLANS.get(sel);
  if (plan !== undefined) return plan;
  plan = null;
  if (!sel.includes(':scope')) {
    const lasts: string[] = [];
    let combinator = false;
    let quote = '';
    let depth = 0;
    let start = 0;
    let last = 0;
    const close = (end: number) => {
      lasts.push(sel.slice(last, end).trim());
    };
    for (let i = 0; i < sel.length; i++) {
      const c = sel[i];
      if (c === '\\') i++;
      else if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '(') depth++;
      else if (c === ']' || c === ')') depth--;
      else if (depth) continue;
      else if (c === ',') {
        close(i);
        start = last = i + 1;
      } else if (/[\s>+~]/.test(c) && sel.slice(start, i).trim()) {
        // A combinator, unless it is the whitespace around the list's commas or at the end.
        let j = i;
        while (j < sel.length && /[\s>+~]/.test(sel[j])) j++;
        if (j < sel.length && sel[j] !== ',') {
          combinator = true;
          last = j;
        }
        i = j - 1;
      }
    }
    close(sel.length);
    if (combinator && lasts.every(Boolean)) plan = { candidates: lasts.join(', ') };
  }
  PLANS.set(sel, plan);
  return plan;
}

const planFor = (root: ParentNode, sel: string): Plan | null => ((root as Node).nodeType === 1 ? planOf(sel) : null);

/** `root.querySelector(sel)`; null when there is no root. */
export function qs(root: ParentNode | null | undefined, sel: string): Element | null {
  if (!root) return null;
  const plan = planFor(root, sel);
  if (!plan) return root.querySelector(sel);
  for (const el of root.querySelectorAll(plan.candidates)) if (el.matches(sel)) return el;
  return null;
}

/** `root.querySelectorAll(sel)` as an array; empty when there is no root. */
export function qsa(root: ParentNode | null | undefined, sel: string): Element[] {
  if (!root) return [];
  const plan = planFor(root, sel);
  if (!plan) return [...root.querySelectorAll(sel)];
  const out: Element[] = [];
  for (const el of root.querySelectorAll(plan.candidates)) if (el.matches(sel)) out.push(el);
  return out;
}
