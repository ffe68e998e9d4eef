import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { TEXT_BUDGET, TEXT_CHUNK, listing, mayHoldIds } from './listing';

const url = new URL('https://search.example.org/results?q=tides');
const li = (i: number, extra = '') =>
  `<li><a href="/article/10.5555/t.${i}">Tidal study number ${i} of the bay</a> <span class="authors">A Author, B Author</span>${extra}</li>`;
const page = (body: string) => parsePage(`<html><body><main>${body}</main></body></html>`);

describe('generic listing layer', () => {
  it('makes a listing of repeated blocks each naming one paper, anchored after the title link', () => {
    const got = listing(page(`<ul>${[1, 2, 3].map((i) => li(i)).join('')}</ul>`), url);
    expect(got.map((d) => d.paper.key)).toEqual(['doi:10.5555/t.1', 'doi:10.5555/t.2', 'doi:10.5555/t.3']);
    expect(got[0].paper).toMatchObject({
      title: 'Tidal study number 1 of the bay',
      authors: ['A Author', 'B Author'],
      absUrl: 'https://search.example.org/article/10.5555/t.1',
    });
    expect(got[0].anchor?.tagName).toBe('A');
    expect(got[0].placement).toBe('after');
  });

  it('needs three entries, and skips a block naming two papers', () => {
    expect(listing(page(`<ul>${li(1)}${li(2)}</ul>`), url)).toEqual([]);
    const two = li(3, ' <a href="https://doi.org/10.5555/other">see also</a>');
    expect(listing(page(`<ul>${li(1)}${li(2)}${two}${li(4)}</ul>`), url).map((d) => d.paper.key)).toEqual([
      'doi:10.5555/t.1',
      'doi:10.5555/t.2',
      'doi:10.5555/t.4',
    ]);
  });

  it('reads identifiers printed as text (PMCID, PMID, arXiv) and keys a lone PMCID by its PMC page', () => {
    const row = (id: string, n: number) =>
      `<div class="r"><div class="title"><a href="/rec/${n}">Record number ${n} about estuaries</a></div><div>${id}</div></div>`;
    const got = listing(page(row('PMCID: PMC1234567', 1) + row('PMID: 7654321', 2) + row('arXiv:2401.01234v2', 3)), url);
    expect(got.map((d) => d.paper.key)).toEqual(['url:ncbi.nlm.nih.gov/pmc/articles/PMC1234567', 'pmid:7654321', 'arxiv:2401.01234']);
  });

  it('is silent on prose that cites, on reference sections and on citation elements', () => {
    const prose = (i: number) =>
      `<p>${'Long sentences of a story about the bay and the people who live by it. '.repeat(10)}<a href="https://doi.org/10.5555/p.${i}">a study of the bay tides</a></p>`;
    expect(listing(page([1, 2, 3].map(prose).join('')), url)).toEqual([]);
    expect(listing(page(`<h2>References</h2><ul>${[1, 2, 3].map((i) => li(i)).join('')}</ul>`), url)).toEqual([]);
    expect(
      listing(page(`<ul>${[1, 2, 3].map((i) => li(i).replace('<li>', '<li><cite>').replace('</li>', '</cite></li>')).join('')}</ul>`), url),
    ).toEqual([]);
  });

  it('pre-checks cheaply: no identifier, no work', () => {
    expect(mayHoldIds(page('<p>No papers here. <a href="/about">About</a></p>'))).toBe(false);
    expect(mayHoldIds(page('<p>Printed: doi:10.5555/x</p>'))).toBe(true);
    expect(mayHoldIds(page('<a href="https://arxiv.org/abs/2401.01234">x</a>'))).toBe(true);
  });

  it('asks for links first and never reads the whole body as one string', () => {
    const doc = page(`${'<p>A long story about the bay and its tides, with no paper in it at all.</p>'.repeat(3000)}`);
    Object.defineProperty(doc.body, 'textContent', {
      get: () => {
        throw new Error('read the whole body');
      },
    });
    expect(mayHoldIds(doc)).toBe(false);
    doc.querySelector('p')!.insertAdjacentHTML('beforeend', '<a href="https://doi.org/10.5555/x">x</a>');
    expect(mayHoldIds(doc)).toBe(true);
  });

  it('reads text in a bounded prefix, across split text nodes, and not in scripts', () => {
    expect(mayHoldIds(page('<p><b>PMID:</b> 7654321</p>'))).toBe(true);
    expect(mayHoldIds(page('<p>Printed as <span>doi:</span><span>10.5555/split</span></p>'))).toBe(true);
    expect(mayHoldIds(page('<script>var x = "doi:10.5555/in-a-script";</script><p>Nothing here.</p>'))).toBe(false);
    const filler = '<p>A long story about the bay and its tides, with no paper in it at all.</p>';
    const n = Math.ceil(TEXT_BUDGET / 60);
    expect(mayHoldIds(page(`${filler.repeat(n / 2)}<p>doi:10.5555/early</p>`))).toBe(true);
    // Past the budget: a page of prose that prints one identifier at its very end is not a listing.
    expect(mayHoldIds(page(`${filler.repeat(n * 2)}<p>doi:10.5555/late</p>`))).toBe(false);
  });

  it('finds an identifier split across two pieces of the text it tests', () => {
    // Filler ending at every offset around the first piece's end, then `PMID:` and its number
    // in two text nodes: some split lands inside the identifier.
    for (let k = TEXT_CHUNK - 12; k <= TEXT_CHUNK + 2; k++) {
      expect(mayHoldIds(page(`<p>${'a'.repeat(k)}</p><p><b>PMID:</b> 7654321</p>`)), `filler ${k}`).toBe(true);
      expect(mayHoldIds(page(`<p>${'a'.repeat(k)}</p><p>doi:10.5555/split</p>`)), `filler ${k}`).toBe(true);
    }
    expect(mayHoldIds(page(`<p>${'a'.repeat(TEXT_CHUNK)}</p><p>Version 10.2 of the plan</p>`))).toBe(false);
  });
});
