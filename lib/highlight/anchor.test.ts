// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_LIMITS } from '../paper/highlight';
import { anchorSelectors, describeRange } from './anchor';
import { buildTextIndex, indexToRange } from './text';

const fixture = (name: string) => {
  const html = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/highlight', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
};

/** Selects `words` (its first occurrence) in `doc` and describes it. */
function highlight(doc: Document, words: string) {
  const ix = buildTextIndex(doc.body);
  const at = ix.text.indexOf(words);
  if (at < 0) throw new Error(`not in fixture: ${words}`);
  const d = describeRange(ix, indexToRange(ix, at, at + words.length));
  if (!d) throw new Error('nothing described');
  return d.selectors;
}

const placedText = (doc: Document, sel: ReturnType<typeof highlight>) => {
  const ix = buildTextIndex(doc.body);
  const a = anchorSelectors(ix.text, sel);
  return a && indexToRange(ix, a.start, a.end).toString().replace(/\s+/g, ' ');
};

describe('text index', () => {
  it('collapses whitespace, skips TeX annotations and maps back to the DOM', () => {
    const doc = fixture('arxiv-v1.html');
    const ix = buildTextIndex(doc.body);
    expect(ix.text).toContain('the square of the sequence length, O(n2)');
    expect(ix.text).not.toContain('O(n^{2})');
    expect(ix.text).not.toMatch(/\s{2}/);
    const at = ix.text.indexOf('learned subset');
    const range = indexToRange(ix, at, at + 'learned subset'.length);
    expect(range.toString()).toBe('learned subset');
    expect(range.startContainer.parentElement?.className).toBe('ltx_p');
  });

  it('describes a range given by element boundaries the same as by text offsets', () => {
    const doc = fixture('arxiv-v1.html');
    const ix = buildTextIndex(doc.body);
    const p = doc.getElementById('S1.p2.1')!;
    const r = doc.createRange();
    r.selectNodeContents(p);
    const d = describeRange(ix, r)!;
    expect(d.selectors.quote.exact).toBe(p.textContent.trim());
    expect(d.selectors.quote.prefix!.length).toBeGreaterThan(0);
    expect(d.selectors.position!.end - d.selectors.position!.start).toBe(d.selectors.quote.exact.length);
  });

  it('clamps a huge selection and says so', () => {
    const doc = fixture('arxiv-v1.html');
    doc.body.insertAdjacentHTML('beforeend', `<p>${'word '.repeat(1000)}</p>`);
    const ix = buildTextIndex(doc.body);
    const r = doc.createRange();
    r.selectNodeContents(doc.body);
    const d = describeRange(ix, r)!;
    expect(d.clamped).toBe(true);
    expect(d.selectors.quote.exact).toHaveLength(HIGHLIGHT_LIMITS.quote);
  });

  it('describes nothing for a whitespace-only selection', () => {
    const doc = fixture('arxiv-v1.html');
    const ix = buildTextIndex(doc.body);
    const r = doc.createRange();
    r.setStart(doc.body.firstChild!, 0);
    r.setEnd(doc.body.firstChild!, 1);
    expect(describeRange(ix, r)).toBeNull();
  });
});

describe('anchoring', () => {
  const v1 = fixture('arxiv-v1.html');
  const v2 = fixture('arxiv-v2.html');

  it('places an exact passage where it was', () => {
    const sel = highlight(v1, 'learned subset of blocks');
    const ix = buildTextIndex(v1.body);
    expect(anchorSelectors(ix.text, sel)).toEqual({ start: sel.position!.start, end: sel.position!.end, exact: true });
  });

  it('finds a passage that moved (a paragraph was inserted before it in v2)', () => {
    const sel = highlight(v1, 'a single linear layer followed by a softmax over blocks');
    const ix2 = buildTextIndex(v2.body);
    const a = anchorSelectors(ix2.text, sel)!;
    expect(a.exact).toBe(true);
    expect(a.start).not.toBe(sel.position!.start);
    expect(placedText(v2, sel)).toBe('a single linear layer followed by a softmax over blocks');
  });

  it('picks the occurrence whose context matches when the quote repeats', () => {
    const sel = highlight(v1, 'benchmarks');
    const second = buildTextIndex(v1.body).text.indexOf('benchmarks', sel.position!.end);
    const later = highlight(v1, 'across all three benchmarks');
    const s2 = { ...later, quote: { ...later.quote, exact: 'benchmarks', prefix: 'stable training across all three ' } };
    const a = anchorSelectors(buildTextIndex(v1.body).text, { quote: s2.quote });
    expect(a!.start).toBeGreaterThanOrEqual(second);
    expect(a!.start).not.toBe(sel.position!.start);
  });

  it('re-anchors approximately a passage edited nearby (v1 -> v2)', () => {
    const sel = highlight(v1, 'our model matches dense attention while using a fifth of its memory');
    const ix2 = buildTextIndex(v2.body);
    const a = anchorSelectors(ix2.text, sel)!;
    expect(a.exact).toBe(false);
    expect(ix2.text.slice(a.start, a.end)).toContain('a sixth of its memory');
  });

  it('leaves a removed passage unplaced', () => {
    const sel = highlight(v1, 'The top-k blocks are kept and the rest are masked');
    expect(anchorSelectors(buildTextIndex(v2.body).text, sel)).toBeNull();
  });

  it('leaves a passage rewritten beyond recognition unplaced', () => {
    const sel = highlight(v1, 'neither adapts to the content of the document');
    const edited = fixture('arxiv-v1.html');
    edited.body.innerHTML = edited.body.innerHTML.replace(
      'neither adapts to the content of the document',
      'both are static and blind to what they read',
    );
    expect(anchorSelectors(buildTextIndex(edited.body).text, sel)).toBeNull();
  });

  it('follows the paper to other renderings: ar5iv and PMC', () => {
    const sel = highlight(v1, 'adds fewer than one percent of its parameters');
    expect(placedText(fixture('ar5iv.html'), sel)).toBe('adds fewer than one percent of its parameters');
    expect(placedText(fixture('pmc.html'), sel)).toBe('adds fewer than one percent of its parameters');
    const fromPmc = highlight(fixture('pmc.html'), 'a gate temperature of one half');
    expect(placedText(v1, fromPmc)).toBe('a gate temperature of one half');
  });

  it('anchors a passage across inline math the same way in each rendering', () => {
    const sel = highlight(v1, 'sequence length, O(n2)');
    expect(placedText(fixture('ar5iv.html'), sel)).toBe('sequence length, O(n2)');
  });
});
