// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { makePaper, type PaperInput } from '../paper/make';
import { PageSession } from '../inline/session';
import { lazyEntry } from './dom';
import { arxiv } from './sites/arxiv';
import { keyOf, type Detection } from './types';

const url = new URL('https://list.test/');
const input: PaperInput = { ids: { arxiv: '2401.00001v2' }, title: '  A   <b>Title</b> ', source: 'test', absUrl: '/abs/2401.00001' };

describe('lazyEntry', () => {
  it('gives key and title at once and builds the paper once, on first read, as makePaper would', () => {
    const more = vi.fn(() => ({ authors: ['Ada Lovelace'], abstract: ' An   abstract ' }));
    const d = lazyEntry(input, more, url, null, 'after')!;
    expect(d.key).toBe('arxiv:2401.00001');
    expect(d.title).toBe('A <b>Title</b>');
    expect(keyOf(d)).toBe('arxiv:2401.00001');
    expect(more).not.toHaveBeenCalled();
    expect(d.paper).toEqual(makePaper({ ...input, authors: ['Ada Lovelace'], abstract: ' An   abstract ' }, url.href));
    expect(d.paper).toBe(d.paper);
    expect(more).toHaveBeenCalledTimes(1);
  });

  it('keeps what the entry showed at once when the rest of it is broken', () => {
    const d = lazyEntry(
      input,
      () => {
        throw new Error('odd markup');
      },
      url,
      null,
      'after',
    )!;
    expect(d.paper).toEqual(makePaper(input, url.href));
  });

  it('is nothing without a title or an identity, as makePaper', () => {
    expect(lazyEntry({ ...input, title: ' \n ' }, () => ({}), url, null, 'after')).toBeNull();
    expect(lazyEntry({ ...input, ids: { arxiv: 'not an id' } }, () => ({}), url, null, 'after')).toBeNull();
    expect(lazyEntry({ ...input, ids: { url: 'javascript:alert(1)' } }, () => ({}), url, null, 'after')).toBeNull();
  });

  it('on an arXiv list, controls go in before any paper is built; the report builds them', async () => {
    document.body.innerHTML = `<dl>${['2401.00001', '2401.00002'].map((id) => `<dt><a href="/abs/${id}" title="Abstract">arXiv:${id}</a></dt><dd><div class="list-title">Title: Paper ${id}</div><div class="list-authors"><a>Ada Lovelace</a>, <a>Alan Turing</a></div></dd>`).join('')}</dl>`;
    const built: boolean[] = [];
    const detect = arxiv.detect.bind(arxiv);
    const spy: typeof arxiv = {
      ...arxiv,
      detect: (doc, u) =>
        detect(doc, u).map((d): Detection => {
          const key = keyOf(d);
          return {
            key,
            title: d.title,
            anchor: d.anchor,
            placement: d.placement,
            get paper() {
              // Built only once the entry's control is on the page.
              built.push(!!doc.querySelector(`papershelf-save[data-papershelf-key="${key}"]`));
              return d.paper;
            },
          };
        }),
    };
    const reports: string[][][] = [];
    const s = new PageSession(
      document,
      {
        report: async (_u, papers) => (reports.push(papers.map((p) => [p.key, p.title, p.authors.join('; ')])), []),
        save: async () => [],
        unsave: async () => {},
      },
      { adapters: [spy], genericEverywhere: false },
      'https://arxiv.org/list/cs.LG/new',
    );
    await s.scan();
    expect(built).toEqual([true, true]);
    expect(reports).toEqual([
      [
        ['arxiv:2401.00001', 'Paper 2401.00001', 'Ada Lovelace; Alan Turing'],
        ['arxiv:2401.00002', 'Paper 2401.00002', 'Ada Lovelace; Alan Turing'],
      ],
    ]);
  });
});
