import { describe, expect, it } from 'vitest';
import { allKeys, arxivIdFromUrl, canonicalKey, doiUrl, normalizeDoi, normalizeUrl, parseArxivId, titleKey, yearOfArxivId } from './identity';

describe('arXiv ids', () => {
  it.each([
    ['1706.03762', '1706.03762', undefined],
    ['arXiv:1706.03762v5', '1706.03762', 5],
    ['2401.01234v12', '2401.01234', 12],
    ['hep-th/9711200v3', 'hep-th/9711200', 3],
    ['math.AG/0601001', 'math.AG/0601001', undefined],
  ])('%s → %s v%s', (raw, id, version) => {
    expect(parseArxivId(raw)).toEqual(version ? { id, version } : { id });
  });

  it.each(['17060.3762', 'hello', '1706.037', ''])('rejects %j', (raw) => expect(parseArxivId(raw)).toBeNull());

  it('reads ids from abs, pdf and alphaxiv URLs', () => {
    expect(arxivIdFromUrl('https://arxiv.org/abs/2106.09608v2')).toEqual({ id: '2106.09608', version: 2 });
    expect(arxivIdFromUrl('https://arxiv.org/pdf/1706.03762v7.pdf')).toEqual({ id: '1706.03762', version: 7 });
    expect(arxivIdFromUrl('https://www.alphaxiv.org/abs/2501.00001')).toEqual({ id: '2501.00001' });
    expect(arxivIdFromUrl('https://arxiv.org/list/cs.LG/new')).toBeNull();
  });

  it('derives the year of the first version from the id', () => {
    expect(yearOfArxivId('2401.01234')).toBe(2024);
    expect(yearOfArxivId('hep-th/9711200')).toBe(1997);
    expect(yearOfArxivId('0704.0001')).toBe(2007);
  });
});

describe('DOIs', () => {
  it.each([
    ['10.1145/3375627.3375832', '10.1145/3375627.3375832'],
    ['https://doi.org/10.1103/PhysRevX.12.041027', '10.1103/physrevx.12.041027'],
    ['doi:10.1038/S41586-021-03819-2.', '10.1038/s41586-021-03819-2'],
    ['https://doi.org/10.1002%2Fandp.19263851302', '10.1002/andp.19263851302'],
  ])('%s → %s', (raw, want) => expect(normalizeDoi(raw)).toBe(want));
  it('rejects text without a DOI', () => expect(normalizeDoi('no doi here')).toBeNull());
  it('keeps SICI DOIs whole (< > ; and parentheses), so papers of one issue stay apart', () => {
    const a = '10.1002/(SICI)1097-4636(199901)44:1<33::AID-JBM4>3.0.CO;2-X';
    const b = '10.1002/(SICI)1097-4636(199901)44:1<46::AID-JBM5>3.0.CO;2-Q';
    expect(normalizeDoi(a)).toBe(a.toLowerCase());
    expect(normalizeDoi(`doi:${b}.`)).toBe(b.toLowerCase());
    expect(normalizeDoi(`(see https://doi.org/10.1016/0001-8708(80)90001-X)`)).toBe('10.1016/0001-8708(80)90001-x');
    expect(normalizeDoi(doiUrl(a))).toBe(a.toLowerCase());
    expect(canonicalKey({ doi: a })).not.toBe(canonicalKey({ doi: b }));
  });
  it('doiUrl percent-encodes what a URL cannot hold', () => {
    expect(doiUrl('10.1002/(sici)1097-4636(199901)44:1<33::aid-jbm4>3.0.co;2-x')).toBe(
      'https://doi.org/10.1002/(sici)1097-4636(199901)44%3A1%3C33%3A%3Aaid-jbm4%3E3.0.co%3B2-x',
    );
  });
});

describe('titleKey', () => {
  it('is the same for the same entry written differently, and differs by year or author', () => {
    const k = titleKey('Growth of Cu$_2$O films on Silicon', 'Gómez Calero, C.', 1999);
    expect(titleKey('growth of  cu$_2$o films on silicon.', 'C. Gomez Calero', 1999)).not.toBe(k); // "Calero" vs "Gómez Calero"
    expect(titleKey('growth of  cu$_2$o films on silicon.', 'Gomez Calero, Carmen', 1999)).toBe(k);
    expect(titleKey('Growth of Cu$_2$O films on Silicon', 'Gómez Calero, C.', 2000)).not.toBe(k);
    expect(k).toBe('title:growth-of-cu-2-o-films-on-silicon:gomez-calero:1999');
    expect(titleKey('Anonymous', undefined, undefined)).toBe('title:anonymous::');
  });
});

describe('URLs', () => {
  it('drops www, fragment, tracking parameters and trailing slash; sorts the query', () => {
    expect(normalizeUrl('https://WWW.Example.org/paper/?utm_source=x&b=2&a=1#section')).toBe('example.org/paper?a=1&b=2');
  });
  it('refuses non-web URLs', () => {
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
  });
});

describe('canonicalKey', () => {
  it('prefers arXiv, then DOI, then the others', () => {
    expect(canonicalKey({ arxiv: '1706.03762v5', doi: '10.1/x' })).toBe('arxiv:1706.03762');
    expect(canonicalKey({ doi: '10.1145/ABC', pmid: '1' })).toBe('doi:10.1145/abc');
    expect(canonicalKey({ openreview: 'rJ4km2R5t7' })).toBe('openreview:rJ4km2R5t7');
    expect(canonicalKey({ pmid: '7288891' })).toBe('pmid:7288891');
    expect(canonicalKey({ acl: '2021.naacl-main.208' })).toBe('acl:2021.naacl-main.208');
    expect(canonicalKey({ dblp: 'conf/aaai/PeelC15' })).toBe('dblp:conf/aaai/PeelC15');
    expect(canonicalKey({ url: 'https://example.org/p?id=3' })).toBe('url:example.org/p?id=3');
    expect(canonicalKey({})).toBeNull();
  });
  it("treats arXiv's own DOIs as the preprint", () => {
    expect(canonicalKey({ doi: '10.48550/arXiv.1706.03762' })).toBe('arxiv:1706.03762');
  });
  it('lists every key a paper is known under', () => {
    expect(allKeys({ arxiv: '1706.03762', doi: '10.5555/3295222.3295349' }).sort()).toEqual(['arxiv:1706.03762', 'doi:10.5555/3295222.3295349']);
  });
});

describe('titleKey', () => {
  it('is one key for one work, whatever its case, accents, punctuation and name order', () => {
    const a = titleKey('Über Wellen: Notes (II)', 'Müller, Anna', 1987);
    expect(a).toBe('title:uber-wellen-notes-ii:muller:1987');
    expect(titleKey('  uber wellen — NOTES, ii ', 'Anna Müller', '1987')).toBe(a);
  });

  it('tells apart other years and authors, keeps non-Latin titles, and needs a title', () => {
    expect(titleKey('Waves', 'Ito', 2001)).not.toBe(titleKey('Waves', 'Ito', 2002));
    expect(titleKey('Waves', 'Ito', 2001)).not.toBe(titleKey('Waves', 'Sato', 2001));
    expect(titleKey('潮汐の研究')).toBe('title:潮汐の研究::');
    expect(titleKey(' — ')).toBeNull();
  });
});
