import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { pmlr } from './pmlr';

const url = new URL('https://proceedings.mlr.press/v28/');
const row = (links: string, info = 'PMLR 28:1-9') =>
  parsePage(`<title>Proceedings of the 30th International Conference on Machine Learning | PMLR</title>
  <div class="paper"><p class="title">Revisiting Frank-Wolfe</p><p class="details"><span class="authors">Martin&nbsp;Jaggi</span>; <span class="info">${info}</span></p><p class="links">${links}</p></div>`).querySelector(
    'div.paper',
  )!;

describe('pmlr', () => {
  it('takes the year from the paper name and the venue from the page when the row has none', () => {
    const d = pmlr.parseEntry!(row('[<a href="jaggi13.html">abs</a>][<a href="jaggi13.pdf">Download PDF</a>]'), url)!;
    expect(d.paper).toMatchObject({
      key: 'url:proceedings.mlr.press/v28/jaggi13.html',
      year: 2013,
      venue: 'Proceedings of the 30th International Conference on Machine Learning',
      pdfUrl: 'https://proceedings.mlr.press/v28/jaggi13.pdf',
    });
    expect(d.anchor?.className).toBe('title');
  });

  it('finds the abs link by its label, not by its place', () => {
    const d = pmlr.parseEntry!(row('[<a href="https://example.org/decoy.html">decoy</a>][<a href="jaggi13.html">abs</a>]'), url)!;
    expect(d.paper.ids.url).toBe('https://proceedings.mlr.press/v28/jaggi13.html');
  });

  it('skips a row without an abs link', () => {
    expect(pmlr.parseEntry!(row('[<a href="jaggi13.pdf">Download PDF</a>]'), url)).toBeNull();
  });

  it('reads a paper page without meta tags from its heading', () => {
    const doc = parsePage('<h1>Revisiting Frank-Wolfe</h1><div id="authors">Martin Jaggi;</div>');
    const [d] = pmlr.detect(doc, new URL('https://proceedings.mlr.press/v28/jaggi13.html'));
    expect(d.paper).toMatchObject({ key: 'url:proceedings.mlr.press/v28/jaggi13.html', year: 2013, type: 'conference' });
  });
});

describe('odd links', () => {
  it('skips an unparsable abs link instead of throwing', () => {
    expect(pmlr.parseEntry!(row('[<a href="http://exa mple.org/x.html">abs</a>]'), url)).toBeNull();
  });
});
