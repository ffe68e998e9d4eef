import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { coins, coinsPaper } from './coins';

const url = new URL('https://catalogue.example.org/search');

describe('coinsPaper', () => {
  it('decodes + and %XX, and KEV double-escaped as &amp;amp;', () => {
    const p = coinsPaper('ctx_ver=Z39.88-2004&amp;rft_id=info%3Adoi%2F10.5555%2FABC&amp;rft.atitle=R%C3%A9sum%C3%A9+of+%26+Notes&amp;rft.au=M%C3%BCller%2C+Anna', url);
    expect(p).toMatchObject({ key: 'doi:10.5555/abc', title: 'Résumé of & Notes', authors: ['Anna Müller'] });
  });

  it('merges aulast/aufirst with rft.au without repeating the first author', () => {
    const p = coinsPaper('rft_id=info:doi/10.5555/x&rft.atitle=T&rft.aulast=Ito&rft.aufirst=Ken&rft.au=Ito, Ken&rft.au=Sato, Yui', url);
    expect(p?.authors).toEqual(['Ken Ito', 'Yui Sato']);
  });

  it('reads pmid and URL identifiers, and gives null without any identity', () => {
    expect(coinsPaper('rft_id=info:pmid/123456&rft.atitle=P', url)?.key).toBe('pmid:123456');
    expect(coinsPaper('rft_id=https://example.org/rec/9&rft.btitle=Book', url)?.key).toBe('url:example.org/rec/9');
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
