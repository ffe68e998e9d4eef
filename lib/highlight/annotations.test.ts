import { describe, expect, it } from 'vitest';
import type { Highlight } from '../paper/highlight';
import { makePaper } from '../paper/make';
import { newPaper } from '../paper/schema';
import { annotationsOf, parseAnnotationQuery } from './annotations';

const p = (id: string, title: string, extra = {}) => ({ ...newPaper(makePaper({ ids: { arxiv: id }, title, source: 't' })!, 10), ...extra });
const a = p('2401.00001', 'Sparse gated attention', { note: 'Compare with **Longformer**', tags: ['nlp'] });
const b = p('2401.00002', 'Protein folding at scale', { tags: ['bio'] });
const hl = (key: string, id: string, exact: string, color: Highlight['color'], comment?: string): Highlight => ({
  id,
  key,
  color,
  comment,
  url: 'https://arxiv.org/html/x',
  createdAt: 1,
  updatedAt: Number(id.slice(-1)),
  selectors: { quote: { type: 'TextQuoteSelector', exact } },
});
const hs = [
  hl(a.key, 'aaaaaaaa1', 'learned subset of blocks', 'yellow'),
  hl(a.key, 'aaaaaaaa2', 'a softmax over blocks', 'green', 'elegant'),
  hl(b.key, 'bbbbbbbb3', 'contact maps', 'green'),
];
const run = (q: string) => annotationsOf([a, b], hs, q).map((x) => (x.kind === 'note' ? `note:${x.paper.key}` : x.highlight.id));

describe('annotations search', () => {
  it('lists every note and highlight, newest first', () => {
    expect(run('')).toEqual(['note:arxiv:2401.00001', 'bbbbbbbb3', 'aaaaaaaa2', 'aaaaaaaa1']);
  });
  it('reads color: and has:highlight out of the query', () => {
    expect(parseAnnotationQuery('color:green tag:nlp has:highlight blocks')).toEqual({
      rest: 'tag:nlp  blocks',
      colors: ['green'],
      hasHighlight: true,
    });
    expect(run('color:green')).toEqual(['bbbbbbbb3', 'aaaaaaaa2']);
    expect(run('has:highlight')).toEqual(['bbbbbbbb3', 'aaaaaaaa2', 'aaaaaaaa1']);
    expect(run('-has:highlight')).toEqual([]);
  });
  it("applies the popup's filters to papers and words to the annotations", () => {
    expect(run('tag:nlp')).toEqual(['note:arxiv:2401.00001', 'aaaaaaaa2', 'aaaaaaaa1']);
    expect(run('tag:nlp color:green')).toEqual(['aaaaaaaa2']);
    expect(run('softmax')).toEqual(['aaaaaaaa2']);
    expect(run('elegant')).toEqual(['aaaaaaaa2']);
    expect(run('longformer')).toEqual(['note:arxiv:2401.00001']);
    expect(run('blocks -softmax')).toEqual(['aaaaaaaa1']);
  });
});
