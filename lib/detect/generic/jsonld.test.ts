import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { jsonld, MAX_JSONLD } from './jsonld';

const url = new URL('https://site.example.org/p/1');
const page = (...scripts: string[]) =>
  parsePage(`<html><head>${scripts.map((s) => `<script type="application/ld+json">${s}</script>`).join('')}</head><body></body></html>`);

describe('jsonld', () => {
  it('survives broken JSON and keeps reading the other scripts', () => {
    const doc = page('{"@type":"ScholarlyArticle","name":', '{"@type":"ScholarlyArticle","name":"Kept","sameAs":"https://doi.org/10.5555/kept"}');
    expect(jsonld(doc, url).map((d) => d.paper.key)).toEqual(['doi:10.5555/kept']);
  });

  it('takes a generic Article or WebPage only with a DOI', () => {
    expect(jsonld(page('{"@type":"Article","headline":"News about a 10.5555 thing"}'), url)).toEqual([]);
    expect(jsonld(page('{"@type":"WebPage","name":"Paper page","identifier":"doi:10.5555/wp.1"}'), url)[0].paper.key).toBe('doi:10.5555/wp.1');
  });

  it('does not mistake cited works or the periodical for the paper', () => {
    const doc = page(
      '{"@type":"ScholarlyArticle","name":"Mine","citation":["https://doi.org/10.5555/other"],"isPartOf":{"@type":"Periodical","name":"J","sameAs":"https://doi.org/10.5555/journal"}}',
    );
    const [d] = jsonld(doc, url);
    expect(d.paper.ids.doi).toBeUndefined();
    expect(d.paper).toMatchObject({ key: 'url:site.example.org/p/1', venue: 'J' });
  });

  it('reads arXiv ids from PropertyValue identifiers and arxiv.org URLs', () => {
    const doc = page(
      '{"@type":"ScholarlyArticle","name":"A","identifier":{"@type":"PropertyValue","propertyID":"arxiv","value":"2401.01234v2"}}',
      '{"@type":"ScholarlyArticle","name":"B","url":"https://arxiv.org/abs/2402.00002"}',
    );
    expect(jsonld(doc, url).map((d) => d.paper.key)).toEqual(['arxiv:2401.01234', 'arxiv:2402.00002']);
  });

  it('skips scripts over the size cap and ignores odd value types', () => {
    const huge = `{"@type":"ScholarlyArticle","name":"Big","sameAs":"https://doi.org/10.5555/big","pad":"${'x'.repeat(MAX_JSONLD)}"}`;
    expect(jsonld(page(huge), url)).toEqual([]);
    expect(() => jsonld(page('{"@type":"ScholarlyArticle","name":{"x":1},"author":7,"isPartOf":"J"}', 'null', '[1,"a",null]'), url)).not.toThrow();
  });
});
