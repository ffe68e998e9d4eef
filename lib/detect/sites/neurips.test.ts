import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { runDetection } from '../registry';
import { neurips } from './neurips';

const hash = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const meta = '<meta name="citation_title" content="A Paper"><meta name="citation_publication_date" content="2021">';

describe('neurips', () => {
  it('gives a paper one key on every host and path generation', () => {
    const urls = [
      `https://papers.nips.cc/paper/2021/hash/${hash}-Abstract.html`,
      `https://proceedings.neurips.cc/paper/2021/hash/${hash}-Abstract.html`,
      `https://papers.neurips.cc/paper_files/paper/2021/hash/${hash}-Abstract.html`,
    ];
    const keys = urls.map((u) => runDetection(parsePage(meta), new URL(u)).detections.map((d) => d.paper.key));
    for (const k of keys) expect(k).toEqual([`url:proceedings.neurips.cc/paper_files/paper/2021/hash/${hash}-Abstract.html`]);
  });

  it('keys a listing entry as its paper page', () => {
    const li = parsePage(
      `<ul class="paper-list"><li><a href="/paper/2021/hash/${hash}-Abstract.html">A Paper</a> <i>Ann Lee</i></li></ul>`,
    ).querySelector('li')!;
    const d = neurips.parseEntry!(li, new URL('https://papers.nips.cc/paper/2021'))!;
    expect(d.paper.key).toBe(`url:proceedings.neurips.cc/paper_files/paper/2021/hash/${hash}-Abstract.html`);
  });

  it('does not read a legacy paper number as a year', () => {
    const [d] = neurips.detect(
      parsePage('<meta name="citation_title" content="Old"><meta name="citation_publication_date" content="2019">'),
      new URL('https://papers.nips.cc/paper/8668-old'),
    );
    expect(d.paper.year).toBe(2019);
  });
});

describe('odd links', () => {
  it('skips an unparsable title link instead of throwing', () => {
    const doc = parsePage('<ul class="paper-list"><li><a href="http://[bad/x-Abstract.html">T</a></li></ul>');
    expect(neurips.detect(doc, new URL('https://proceedings.neurips.cc/paper_files/paper/2023'))).toEqual([]);
  });
});
