import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { biorxiv } from './biorxiv';

const page = parsePage('<h1 id="page-title">A preprint</h1>');
const keyAt = (path: string) => biorxiv.detect(page, new URL(`https://www.biorxiv.org${path}`))[0]?.paper.key;

describe('biorxiv', () => {
  it('reads the DOI of every article URL form, without the version', () => {
    for (const p of [
      '/content/10.1101/2024.01.02.573456v2',
      '/content/10.1101/2024.01.02.573456v2.full',
      '/content/10.1101/2024.01.02.573456v1.full.pdf+html',
      '/content/10.1101/2024.01.02.573456.abstract',
    ])
      expect(keyAt(p), p).toBe('doi:10.1101/2024.01.02.573456');
    expect(keyAt('/content/10.1101/020123v1')).toBe('doi:10.1101/020123');
  });

  it('finds nothing on pages that are neither articles nor listings', () => {
    expect(biorxiv.detect(page, new URL('https://www.biorxiv.org/about-biorxiv'))).toEqual([]);
  });
});

describe('odd links', () => {
  it('keeps an entry with an unparsable link by its DOI line', () => {
    const doc = parsePage(`<div class="highwire-article-citation"><a class="highwire-cite-linked-title" href="http://[bad">T</a>
      <span class="highwire-cite-metadata-doi">doi: https://doi.org/10.1101/2024.01.02.573456</span></div>`);
    const got = biorxiv.detect(doc, new URL('https://www.biorxiv.org/collection/all'));
    expect(got.map((d) => [d.paper.key, d.paper.absUrl])).toEqual([['doi:10.1101/2024.01.02.573456', undefined]]);
  });
});
