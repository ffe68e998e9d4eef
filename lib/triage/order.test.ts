import { describe, expect, it } from 'vitest';
import { makePaper } from '../paper/make';
import { triageOrder } from './order';

const p = (id: string, title = `Paper ${id}`) => makePaper({ ids: { arxiv: id }, title, source: 't' })!;
const list = [p('2401.00001'), p('2401.00002'), p('2401.00003', 'Sparse routing in MoE'), p('2401.00004')];

describe('triage order for the popup', () => {
  it('watch-list matches first, then new entries, then the rest, with counts', () => {
    const t = triageOrder(list, ['arxiv:2401.00002', 'arxiv:2401.00004'], ['sparse routing']);
    expect(t.papers.map((x) => x.key.slice(-1))).toEqual(['3', '2', '4', '1']);
    expect([t.newCount, t.watchCount]).toEqual([2, 1]);
    expect(t.watch.get('arxiv:2401.00003')).toEqual(['sparse routing']);
  });

  it('New only keeps the new entries', () => {
    expect(triageOrder(list, ['arxiv:2401.00004'], [], true).papers.map((x) => x.key)).toEqual(['arxiv:2401.00004']);
  });
});
