import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parsePage } from '../../tests/helpers/dom';
import { FIXTURES_DIR } from '../../tests/helpers/fixtures';
import { qs, qsa } from './select';

const page = (name: string) => parsePage(readFileSync(join(FIXTURES_DIR, name), 'utf8'));

// Selectors the adapters use, and the shapes a selector can take (lists, attribute values
// holding combinator characters, pseudo-classes, :scope). Sibling combinators are checked in
// Chromium only (tests/e2e/selector-helpers.spec.ts): happy-dom gets `~` wrong under an element.
const SELECTORS = [
  '.list-authors a',
  '.list-title, .list-authors',
  'dd > div .list-title',
  'a[title="Abstract"], a[href*="/abs/"]',
  'a[title="Download PDF"]',
  'a[href*="a b"] , span',
  'div.meta > div + div',
  'span:not(.descriptor) a',
  'li .title, p.authors a',
  'nav a[href]',
  ':scope > a',
  'a',
  'div > a, p.x  a , span',
  'dd a:nth-child(2)',
  'dt   a[href] ',
];

describe('qs / qsa', () => {
  // The oracle is the document-wide query kept to the root's descendants: that is what the
  // standard (and Chromium) answers under an element. happy-dom's own element-scoped
  // querySelectorAll is no oracle: it ignores ancestors above the root (the tests below show it).
  const expected = (doc: Document, root: ParentNode, sel: string) => [...doc.querySelectorAll(sel)].filter((el) => el !== root && root.contains(el));
  for (const fixture of ['arxiv/list-new.html', 'arxiv/search.html', 'dblp/person.html', 'pubmed/search.html']) {
    it(`find what the standard's querySelector(All) finds, under every element of ${fixture}`, () => {
      const doc = page(fixture);
      const roots: ParentNode[] = [doc, ...doc.querySelectorAll('*')];
      let compared = 0;
      for (const root of roots) {
        for (const sel of SELECTORS.filter((s) => !s.includes(':scope'))) {
          const want = expected(doc, root, sel);
          expect(qsa(root, sel)).toEqual(want);
          expect(qs(root, sel)).toBe(want[0] ?? null);
          compared++;
        }
        expect(qsa(root, ':scope > a')).toEqual([...root.querySelectorAll(':scope > a')]);
      }
      expect(compared).toBeGreaterThan(500);
    });
  }

  it('see ancestors above the entry, as browsers do', () => {
    const doc = parsePage('<dl><dd><div class="meta"><div class="list-title">T</div><p>a</p></div></dd></dl>');
    const meta = doc.querySelector('.meta')!;
    expect(qsa(meta, 'dd > div .list-title').map((e) => e.textContent)).toEqual(['T']);
    expect(qs(meta, 'dd .meta p')?.textContent).toBe('a');
  });

  it('ask the browser only selectors without combinators under an element (never the document-wide look-up)', () => {
    const doc = parsePage('<dl><dd><div class="list-authors"><a>Ada</a>, <a>Alan</a></div><p class="x"><a>No</a></p></dd></dl>');
    const dd = doc.querySelector('dd')!;
    const native = vi.spyOn(dd, 'querySelectorAll');
    const nativeOne = vi.spyOn(dd, 'querySelector');
    expect(qsa(dd, '.list-authors a').map((a) => a.textContent)).toEqual(['Ada', 'Alan']);
    expect(qs(dd, '.list-authors a')?.textContent).toBe('Ada');
    expect(qsa(dd, 'div > a, p.x  a , span').map((a) => a.textContent)).toEqual(['Ada', 'Alan', 'No']);
    expect(qs(dd, 'a[title="a > b"] ~ a, .list-authors > a')?.textContent).toBe('Ada');
    expect(nativeOne).not.toHaveBeenCalled();
    expect(native.mock.calls.map((c) => c[0])).toEqual(['a', 'a', 'a, a, span', 'a, a']);
    // Simple selectors, :scope and documents go to the browser as they are.
    native.mockClear();
    qsa(dd, 'a');
    qsa(dd, ':scope > div a');
    qsa(dd, 'a[href*="x y"], p');
    expect(native.mock.calls.map((c) => c[0])).toEqual(['a', ':scope > div a', 'a[href*="x y"], p']);
  });

  it('answer nothing without a root', () => {
    expect(qs(null, 'a')).toBeNull();
    expect(qsa(undefined, 'a b')).toEqual([]);
  });
});
