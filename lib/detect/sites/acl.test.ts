import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { acl, yearOfAclId } from './acl';

describe('acl', () => {
  it('reads the year from new- and old-style anthology ids', () => {
    expect(yearOfAclId('2021.naacl-main.208')).toBe(2021);
    expect(yearOfAclId('W19-4201')).toBe(2019);
    expect(yearOfAclId('K18-3004')).toBe(2018);
    expect(yearOfAclId('J79-1001')).toBe(1979);
    expect(yearOfAclId('volumes')).toBeUndefined();
  });

  it('skips front matter and links that are not papers', () => {
    const doc = parsePage(`<h2 id="title">Proceedings of X</h2>
      <p class="d-sm-flex"><span class="d-block"><strong><a class="align-middle" href="/2023.x-1.0/">Proceedings of X</a></strong></span></p>
      <p class="d-sm-flex"><span class="d-block"><strong><a class="align-middle" href="/2023.x-1.7/">Paper Seven</a></strong><br><a href="/people/a-b/">A B</a></span></p>
      <p class="d-sm-flex"><span class="d-block"><strong><a class="align-middle" href="https://example.org/2023.x-1.8/">Elsewhere</a></strong></span></p>`);
    const found = acl.detect(doc, new URL('https://aclanthology.org/volumes/2023.x-1/'));
    expect(found.map((d) => [d.paper.key, d.paper.venue, d.paper.type])).toEqual([['acl:2023.x-1.7', 'Proceedings of X', 'conference']]);
  });

  it('finds nothing on pages that are not paper pages or listings', () => {
    expect(acl.detect(parsePage('<h2 id="title">FAQ</h2>'), new URL('https://aclanthology.org/faq/'))).toEqual([]);
  });
});
