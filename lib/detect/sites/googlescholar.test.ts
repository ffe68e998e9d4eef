import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { adaptersFor } from '../registry';
import { clusterOf, googlescholar, parseByline } from './googlescholar';

const search = new URL('https://scholar.google.com/scholar?hl=en&q=routing');
const result = (h3: string, byline = 'A Author - Venue, 2020 - example.org', cid = 'FYHpffQQIhEJ') =>
  parsePage(
    `<div id="gs_res_ccl_mid"><div class="gs_r gs_or gs_scl" data-cid="${cid}"><div class="gs_ri"><h3 class="gs_rt">${h3}</h3><div class="gs_a">${byline}</div></div></div></div>`,
  ).querySelector('.gs_r')!;

describe('googlescholar', () => {
  it('decodes a data-cid into the cluster number of Scholar URLs', () => {
    expect(clusterOf('FYHpffQQIhEJ')).toBe('1234567890123456789');
    expect(clusterOf('sQy347iHEIkJ')).toBe('9876543210987654321');
    expect(clusterOf('AAAA')).toBeUndefined();
    expect(clusterOf('not base64!')).toBeUndefined();
  });

  it('splits the gs_a byline into authors, venue and year', () => {
    expect(parseByline('MJ Isaac, TJ Chinn - Antarctica. Institute of …, 1996')).toEqual({
      authors: ['MJ Isaac', 'TJ Chinn'],
      venue: 'Antarctica. Institute of …',
      year: 1996,
    });
    expect(parseByline('BL Hall, GH Denton, B Overturf… - Journal of Quaternary …, 2002 - Wiley Online Library')).toMatchObject({
      authors: ['BL Hall', 'GH Denton', 'B Overturf'],
      year: 2002,
    });
    // NBSPs around the dash, as Scholar often serves them.
    expect(parseByline('A Lee\u00a0-\u00a0Nature, 2019\u00a0-\u00a0nature.com')).toEqual({ authors: ['A Lee'], venue: 'Nature', year: 2019 });
    expect(parseByline('B VandenHeuvel - 2002 - digitalcommons.library.umaine.edu')).toEqual({
      authors: ['B VandenHeuvel'],
      venue: undefined,
      year: 2002,
    });
    expect(parseByline('J Doe - example.org')).toEqual({ authors: ['J Doe'], venue: undefined, year: undefined });
    expect(parseByline('')).toEqual({ authors: [], venue: undefined, year: undefined });
  });

  it('strips kind markers from titles but keeps bracketed title text', () => {
    const title = (h3: string) => googlescholar.parseEntry!(result(h3), search)?.paper.title;
    expect(
      title('<span class="gs_ctu"><span class="gs_ct1">[CITATION]</span><span class="gs_ct2">[C]</span></span> <span id="x">Tidal notes</span>'),
    ).toBe('Tidal notes');
    expect(title('[HTML][H] A title typed without marker spans')).toBe('A title typed without marker spans');
    expect(title('<a href="https://example.org/p">[18F]FDG uptake in estuaries</a>')).toBe('[18F]FDG uptake in estuaries');
  });

  it('prefers an arXiv id or a DOI in the link to the link itself', () => {
    const key = (href: string) => googlescholar.parseEntry!(result(`<a href="${href}">T</a>`), search)?.paper.key;
    expect(key('https://arxiv.org/abs/1706.03762v5')).toBe('arxiv:1706.03762');
    expect(key('https://www.frontiersin.org/articles/10.3389/fpsyg.2014.00781/full')).toBe('doi:10.3389/fpsyg.2014.00781');
    expect(key('https://pubs.example.org/article/114/8/1007')).toBe('url:pubs.example.org/article/114/8/1007');
  });

  it('skips entries with no title, never throwing', () => {
    expect(googlescholar.parseEntry!(result(''), search)).toBeNull();
    expect(
      googlescholar.parseEntry!(parsePage('<div class="gs_r gs_or"><div class="gs_ri"></div></div>').body.firstElementChild!, search),
    ).toBeNull();
  });

  it('parses a profile row added later by "Show more" on its own', () => {
    const doc = parsePage('<table><tbody id="gsc_a_b"></tbody></table>');
    const tr = doc.createElement('tr');
    tr.className = 'gsc_a_tr';
    tr.innerHTML =
      '<td class="gsc_a_t"><a href="/citations?view_op=view_citation&amp;hl=en&amp;user=U&amp;citation_for_view=U:abc" class="gsc_a_at">Added later</a><div class="gs_gray">A Quist, B Moreau</div><div class="gs_gray">Some Journal 3 (1)<span class="gs_oph">, 2018</span></div></td><td class="gsc_a_y"><span class="gsc_a_h">2018</span></td>';
    doc.querySelector('#gsc_a_b')!.append(tr);
    expect(tr.matches(googlescholar.entrySelector!)).toBe(true);
    const d = googlescholar.parseEntry!(tr, new URL('https://scholar.google.com/citations?user=U&hl=en'))!;
    expect(d.paper).toMatchObject({ title: 'Added later', authors: ['A Quist', 'B Moreau'], year: 2018, venue: 'Some Journal 3 (1)' });
    expect(d.paper.ids.url).toBe('https://scholar.google.com/citations?view_op=view_citation&citation_for_view=U%3Aabc');
    expect(d.anchor?.className).toBe('gsc_a_at');
  });

  it('serves country hosts and only the result and profile paths', () => {
    expect(adaptersFor(new URL('https://scholar.google.co.uk/scholar?q=x'))).toContain(googlescholar);
    expect(adaptersFor(new URL('https://scholar.google.com/intl/en/scholar/about.html'))).not.toContain(googlescholar);
    expect(adaptersFor(new URL('https://www.google.com/scholar?q=x'))).not.toContain(googlescholar);
  });
});
