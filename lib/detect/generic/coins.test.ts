import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { coins, coinsPaper } from './coins';

const url = new URL('https://catalogue.example.org/search');

describe('coinsPaper', () => {
  it('decodes + and %XX, and KEV double-escaped as &amp;amp;', () => {
    const p = coinsPaper(
      'ctx_ver=Z39.88-2004&amp;rft_id=info%3Adoi%2F10.5555%2FABC&amp;rft.atitle=R%C3%A9sum%C3%A9+of+%26+Notes&amp;rft.au=M%C3%BCller%2C+Anna',
      url,
    );
    expect(p).toMatchObject({ key: 'doi:10.5555/abc', title: 'Résumé of & Notes', authors: ['Anna Müller'] });
  });

  it('merges aulast/aufirst with rft.au without repeating the first author', () => {
    const p = coinsPaper('rft_id=info:doi/10.5555/x&rft.atitle=T&rft.aulast=Ito&rft.aufirst=Ken&rft.au=Ito, Ken&rft.au=Sato, Yui', url);
    expect(p?.authors).toEqual(['Ken Ito', 'Yui Sato']);
  });

  it('reads pmid and URL identifiers, and gives null for a non-scholarly record', () => {
    expect(coinsPaper('rft_id=info:pmid/123456&rft.atitle=P', url)?.key).toBe('pmid:123456');
    expect(coinsPaper('rft_id=https://example.org/rec/9&rft.genre=report&rft.btitle=Report', url)?.key).toBe('url:example.org/rec/9');
    expect(coinsPaper('rft.atitle=No+id&rft.isbn=123', url)).toBeNull();
    expect(coinsPaper('%E0%A4%A&rft.genre=constructor&rft_id=info:doi/10.5555/y&rft.atitle=Odd', url)).toMatchObject({ type: 'other' });
  });

  it('anchors each span, placing the control after it', () => {
    const doc = parsePage('<p><span class="Z3988" title="rft_id=info:doi/10.5555/a&amp;rft.atitle=A"></span></p><span class="Z3988"></span>');
    const [d, ...rest] = coins(doc, url);
    expect(rest).toEqual([]);
    expect(d.anchor?.className).toBe('Z3988');
    expect(d.placement).toBe('after');
  });
});

// Wikipedia's citation templates, as they emit COinS (cite news, cite web, cite book, cite journal).
const wiki = {
  news: 'ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&rft.genre=article&rft.jtitle=The+Coastal+Times&rft.atitle=Estuary+study+makes+waves&rft.date=2021-03-04&rft.aulast=Berg&rft.aufirst=Ola&rft_id=https%3A%2F%2Fcoastaltimes.example%2F2021%2Festuary',
  web: 'ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&rft.genre=unknown&rft.btitle=Brackwater+Estuary+Trust&rft_id=https%3A%2F%2Ftrust.example%2F',
  book: 'ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&rft.genre=book&rft.btitle=Estuaries+of+the+North&rft.pub=Example+Press&rft.date=1999&rft.isbn=978-0-00-000000-2&rft.aulast=Holm',
  journal:
    'ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&rft.genre=article&rft.jtitle=Estuarine+Letters&rft.atitle=Tidal+mixing&rft.volume=4&rft.pages=1-9&rft.date=1978&rft.aulast=Okafor&rft.aufirst=Chidi',
};

describe('coinsPaper keeps scholarly works only', () => {
  it('drops newspaper stories, web pages and books unless asked for books with an ISBN', () => {
    expect(coinsPaper(wiki.news, url)).toBeNull();
    expect(coinsPaper(wiki.web, url)).toBeNull();
    expect(coinsPaper(wiki.book, url)).toBeNull();
    expect(coinsPaper(wiki.book, url, { books: true })).toMatchObject({ key: 'title:estuaries-of-the-north:holm:1999', type: 'other' });
    expect(coinsPaper(wiki.book.replace(/&rft\.isbn=[^&]+/, ''), url, { books: true })).toBeNull();
  });

  it('keys a journal article without identifier by title, first author and year', () => {
    expect(coinsPaper(wiki.journal, url)).toMatchObject({
      key: 'title:tidal-mixing:okafor:1978',
      title: 'Tidal mixing',
      venue: 'Estuarine Letters',
      type: 'journal',
      year: 1978,
    });
  });

  it('keeps reports, theses and chapters; a newspaper story with a DOI is still dropped', () => {
    expect(coinsPaper('rft.genre=report&rft.btitle=Survey+of+the+Bay&rft.date=1990', url)?.key).toBe('title:survey-of-the-bay::1990');
    expect(coinsPaper('rft_val_fmt=info:ofi/fmt:kev:mtx:dissertation&rft.title=On+Sandbars&rft.au=Ito, Ken&rft.date=2004', url)?.key).toBe(
      'title:on-sandbars:ito:2004',
    );
    expect(coinsPaper('rft.genre=bookitem&rft.atitle=Chapter+One&rft.btitle=A+Book&rft.date=2010', url)).toMatchObject({
      type: 'other',
      venue: 'A Book',
    });
    expect(coinsPaper(wiki.news + '&rft_id=info:doi/10.5555/n', url)).toBeNull();
  });
});
