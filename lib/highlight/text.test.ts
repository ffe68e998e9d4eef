// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTextIndex, indexToRange, pointToIndex, textIndexSteps } from './text';

const fixture = (name: string) => {
  const html = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/highlight', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
};

// The plain definition the index must agree with: every character of every text node outside
// the skipped elements, whitespace runs (across nodes too) collapsed to their first character.
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'ANNOTATION', 'ANNOTATION-XML', 'SVG']);
function reference(root: Node) {
  const chars: { node: Text; offset: number }[] = [];
  let text = '';
  let space = true;
  const visit = (n: Node) => {
    if (n.nodeType === 1 && n !== root) {
      const el = n as Element;
      if (SKIPPED.has(el.nodeName.toUpperCase()) || el.hasAttribute('data-papershelf-host')) return;
    }
    if (n.nodeType === 3) {
      const data = (n as Text).data;
      for (let i = 0; i < data.length; i++) {
        const ws = /[ \t\n\r\f\u00a0]/.test(data[i]);
        if (ws && space) continue;
        text += ws ? ' ' : data[i];
        chars.push({ node: n as Text, offset: i });
        space = ws;
      }
    }
    for (const c of n.childNodes) visit(c);
  };
  visit(root);
  return { text, chars };
}

const awkward = `<p>  lead\n\n  in <b> bold </b>\t<i>x</i>y\u00a0\u00a0z </p>
  <svg><text>not this</text></svg><script>nor this</script>
  <div data-papershelf-host="">our toolbar</div>
  <p>a<span></span>b <span> </span> c<math><semantics><mi>n</mi><annotation-xml encoding="MathML-Content"><ci>n</ci></annotation-xml><annotation encoding="application/x-tex">n</annotation></semantics></math>   end</p>`;

describe('text index', () => {
  for (const name of ['arxiv-v1.html', 'ar5iv.html', 'pmc.html', 'awkward markup']) {
    it(`maps every character back to its node and offset (${name})`, () => {
      const doc = name.endsWith('.html') ? fixture(name) : new DOMParser().parseFromString(`<body>${awkward}</body>`, 'text/html');
      const ref = reference(doc.body);
      const ix = buildTextIndex(doc.body);
      expect(ix.text).toBe(ref.text);
      for (let i = 0; i < ref.chars.length; i++) {
        const r = indexToRange(ix, i, i + 1);
        expect([r.startContainer, r.startOffset]).toEqual([ref.chars[i].node, ref.chars[i].offset]);
        expect(pointToIndex(ix, ref.chars[i].node, ref.chars[i].offset)).toBe(i);
      }
      // A range over several nodes ends after its last character.
      const last = ref.chars.length - 1;
      const whole = indexToRange(ix, 0, last + 1);
      expect([whole.endContainer, whole.endOffset]).toEqual([ref.chars[last].node, ref.chars[last].offset + 1]);
    });
  }

  it('builds in steps that a caller can spread over several tasks', () => {
    const doc = new DOMParser().parseFromString(`<body>${'<p>word  and\nword</p>'.repeat(3000)}</body>`, 'text/html');
    const steps = textIndexSteps(doc.body);
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields++;
    expect(yields).toBeGreaterThan(3);
    expect(r.value.text).toBe(buildTextIndex(doc.body).text);
    expect(r.value.text).toBe(Array(3000).fill('word and word').join(''));
  });
});
