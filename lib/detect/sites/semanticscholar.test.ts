import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { semanticscholar } from './semanticscholar';

const ID = '0123456789abcdef0123456789abcdef01234567';
const row = (extra = '') =>
  `<div class="cl-paper-row" data-paper-id="${ID}"><a data-test-id="title-link" href="/paper/Some-Slug/${ID}"><h2 class="cl-paper-title">Row &amp; Title</h2></a><span class="cl-paper-authors"><span data-test-id="author-list"><a href="/author/A/1"><span>Ann Lee</span></a></span></span><span class="cl-paper-pubdates">2021</span>${extra}</div>`;

describe('semanticscholar', () => {
  it('parses a search row added after the page loaded', () => {
    const doc = parsePage('<div class="result-page"></div>');
    const holder = doc.createElement('div');
    holder.innerHTML = row();
    const el = holder.firstElementChild!;
    doc.querySelector('.result-page')!.append(el);
    expect(el.matches(semanticscholar.entrySelector!)).toBe(true);
    const d = semanticscholar.parseEntry!(el, new URL('https://www.semanticscholar.org/search?q=x'))!;
    expect(d.paper).toMatchObject({
      key: `url:semanticscholar.org/paper/${ID}`,
      title: 'Row & Title',
      authors: ['Ann Lee'],
      year: 2021,
      ids: { s2: ID },
    });
    expect(d.anchor?.getAttribute('data-test-id')).toBe('title-link');
  });

  it('ignores the citation rows of a paper page', () => {
    const el = parsePage(row()).querySelector('.cl-paper-row')!;
    expect(semanticscholar.parseEntry!(el, new URL(`https://www.semanticscholar.org/paper/Other/${'f'.repeat(40)}`))).toBeNull();
  });

  it('keys a row by the DOI it links to', () => {
    const el = parsePage(row('<a href="https://doi.org/10.1000/XYZ.1">Publisher</a>')).querySelector('.cl-paper-row')!;
    expect(semanticscholar.parseEntry!(el, new URL('https://www.semanticscholar.org/author/A/1'))?.paper.key).toBe('doi:10.1000/xyz.1');
  });

  it('reads paper pages with and without a slug, and nothing on other paths', () => {
    const doc = parsePage('<h1 data-test-id="paper-detail-title">Bare Paper</h1>');
    for (const path of [`/paper/${ID}`, `/paper/Bare-Paper-Lee/${ID}`]) {
      expect(semanticscholar.detect(doc, new URL(`https://www.semanticscholar.org${path}`)).map((d) => d.paper.ids.s2)).toEqual([ID]);
    }
    expect(semanticscholar.detect(doc, new URL('https://www.semanticscholar.org/paper/not-an-id'))).toEqual([]);
  });
});
