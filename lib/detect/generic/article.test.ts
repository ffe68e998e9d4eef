import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { article } from './article';

const url = new URL('https://papers.example.edu/wp/7');
const got = (html: string) => article(parsePage(html), url).map((d) => [d.paper.key, d.paper.title]);

describe('thin single articles', () => {
  it('takes the DOI of meta#DOI, titled by the heading the document title repeats', () => {
    expect(
      got(
        '<title>Bank storage in creeks | Bulletin of the Society</title><meta id="DOI" content="10.5555/b.1"><h1>Bulletin of the Society</h1><h2>Bank storage in creeks</h2>',
      ),
    ).toEqual([['doi:10.5555/b.1', 'Bank storage in creeks']]);
  });

  it('takes a DOI printed in the header under the title heading', () => {
    expect(got('<div><h1>Bank storage in tidal creeks</h1><p>P Novak · doi:10.5555/wp.7</p></div><p>Body</p>')).toEqual([
      ['doi:10.5555/wp.7', 'Bank storage in tidal creeks'],
    ]);
  });

  it('is silent on a header naming two DOIs, a DOI far below the title, a DOI only in a link of prose, and result pages', () => {
    expect(got('<div><h1>Bank storage in tidal creeks</h1><p>doi:10.5555/a</p><p>doi:10.5555/b</p></div>')).toEqual([]);
    expect(got(`<div><h1>Bank storage in tidal creeks</h1><p>${'Words of the story. '.repeat(60)}</p><p>doi:10.5555/far</p></div>`)).toEqual([]);
    expect(got('<div><h1>Bank storage in tidal creeks</h1><p>As <a href="https://doi.org/10.5555/c">their paper</a> says.</p></div>')).toEqual([]);
    expect(got('<div><h2>Results: 1 to 3 of 3</h2><p>doi:10.5555/r</p></div>')).toEqual([]);
  });
});
