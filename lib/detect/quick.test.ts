import { describe, expect, it } from 'vitest';
import { parsePage } from '../../tests/helpers/dom';
import { quickCheck } from './quick';

const url = new URL('https://example.org/page');
const check = (html: string) => quickCheck(parsePage(html), url, { detectOn: 'all', adapters: [] });

// quickCheck reads the meta tags in one pass of its own: the same keys as metaMap's.
describe('quickCheck reads meta tags as metaMap keys them', () => {
  it('by name, else property, trimmed and lower-cased; only with a content', () => {
    expect(check('<meta name=" Citation_Title " content="x">')).toBe('generic');
    expect(check('<meta property="citation_title" content="x">')).toBe('generic');
    expect(check('<meta property="DC.Identifier" content="">')).toBe('generic');
    expect(check('<meta name="citation_title">')).toBe('none');
    expect(check('<meta name="description" property="citation_title" content="x">')).toBe('none');
  });

  it('takes the first og:url with a content, and the DOI meta by its id in any case', () => {
    expect(check('<meta property="og:url"><meta property="og:url" content="https://arxiv.org/abs/2401.00001">')).toBe('generic');
    expect(check('<meta property="og:url" content="https://x.org/news"><meta property="og:url" content="https://arxiv.org/abs/2401.00001">')).toBe(
      'none',
    );
    expect(check('<meta id="doi" content="10.5555/m">')).toBe('generic');
    expect(check('<meta id="DOI-note" content="10.5555/m">')).toBe('none');
  });

  it('sees JSON-LD and COinS wherever they are', () => {
    expect(check('<p>x</p><script type="application/ld+json">{}</script>')).toBe('generic');
    expect(check('<script type="text/javascript">var doi = "10.5555/x";</script>')).toBe('none');
  });
});
