import { describe, expect, it } from 'vitest';
import { makePaper } from '../paper/make';
import { parsePage } from '../../tests/helpers/dom';
import { canonical } from './generic/canonical';
import { quickCheck } from './quick';
import { completeMeta } from './engine';
import { runDetection } from './registry';
import type { Detection, Generic } from './types';

const url = new URL('https://journal.example.org/a/1');
const det = (title: string, ids: Record<string, string>, extra: object = {}): Detection => ({
  paper: makePaper({ ids, title, source: 'test', ...extra }, url.href)!,
});
const gen =
  (...ds: Detection[]): Generic =>
  () =>
    ds;
const run = (...generics: Generic[]) => runDetection(parsePage('<html></html>'), url, { adapters: [], generics, fallbacks: [] }).detections;

describe('generic layer in the engine', () => {
  it('counts the same paper once, the more trusted reading winning and the other filling gaps', () => {
    const [d, ...rest] = run(
      gen(det('Title', { doi: '10.5555/a' })),
      gen(det('Other title', { doi: '10.5555/a' }, { venue: 'J', authors: ['A B'] })),
    );
    expect(rest).toEqual([]);
    expect(d.paper).toMatchObject({ title: 'Title', venue: 'J', authors: ['A B'], type: 'journal' });
  });

  it('merges a single paper known under other ids when the titles agree, else drops it', () => {
    const merged = run(gen(det('Same Title', { url: url.href })), gen(det('same  title', { doi: '10.5555/b' })));
    expect(merged.map((d) => d.paper.key)).toEqual(['doi:10.5555/b']);
    const stray = run(gen(det('Page paper', { doi: '10.5555/c' })), gen(det('A reference', { doi: '10.5555/d' })));
    expect(stray.map((d) => d.paper.key)).toEqual(['doi:10.5555/c']);
  });

  it('keeps a listing found beside the page paper', () => {
    const got = run(gen(det('Page', { doi: '10.5555/p' })), gen(det('R1', { doi: '10.5555/r1' }), det('R2', { doi: '10.5555/r2' })));
    expect(got).toHaveLength(3);
  });

  it('runs the canonical-URL fallback only when nothing else found a paper', () => {
    const doc = parsePage('<html><head><title>Fallback | Site</title><link rel="canonical" href="/doi/10.5555/fb"></head></html>');
    expect(runDetection(doc, url, { adapters: [], generics: [], fallbacks: [canonical] }).detections[0].paper).toMatchObject({
      key: 'doi:10.5555/fb',
      title: 'Fallback',
    });
    const other = gen(det('Known', { doi: '10.5555/k1' }), det('Known 2', { doi: '10.5555/k2' }));
    expect(runDetection(doc, url, { adapters: [], generics: [other], fallbacks: [canonical] }).detections).toHaveLength(2);
  });

  it('replaces only a guessed type', () => {
    const a = det('T', { doi: '10.5555/t' }).paper;
    const b = det('T', { doi: '10.5555/t' }, { type: 'conference' }).paper;
    expect(a.type).toBe('other');
    expect(completeMeta(a, b).type).toBe('conference');
    expect(completeMeta(b, { ...a, type: 'journal' }).type).toBe('conference');
  });
});

describe('quickCheck', () => {
  const check = (html: string, u = url) => quickCheck(parsePage(html), u, { detectOn: 'all', adapters: [] });
  it('sees generic signs whatever the case of meta names', () => {
    expect(check('<meta name="DC.Title" content="x">')).toBe('generic');
    expect(check('<span class="Z3988" title=""></span>')).toBe('generic');
    expect(check('<link rel="canonical" href="https://x.org/doi/10.5555/q">')).toBe('generic');
    expect(check('<meta property="og:url" content="https://arxiv.org/abs/2401.00001">')).toBe('generic');
    expect(check('<title>Just a moment...</title><link rel="canonical" href="https://x.org/news">')).toBe('none');
  });

  it('lets through what the listing layer and thin articles read, and nothing else', () => {
    expect(check('<meta id="DOI" content="10.5555/m">')).toBe('generic');
    expect(check('<h1>A title of a paper</h1><p>doi:10.5555/printed</p>')).toBe('generic');
    expect(check('<ul><li><a href="/article/info%3Adoi%2F10.1371%2Fjournal.pone.1">T</a></li></ul>')).toBe('generic');
    expect(check('<div>PMCID: PMC1234567</div>')).toBe('generic');
    expect(check('<p>Version 10.2 of the plan, see <a href="/news/10">the news</a>.</p>')).toBe('none');
  });
});
