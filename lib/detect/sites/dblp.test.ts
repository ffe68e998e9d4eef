import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../tests/helpers/dom';
import { idsOfLink } from '../dom';
import { dblp, dblpKey } from './dblp';

const li = (attrs: string, inner = '') => parsePage(`<ul><li class="entry article toc" ${attrs}>${inner}</li></ul>`).querySelector('li')!;

describe('dblp', () => {
  it('takes the dblp key from the id attribute, or from the "dblp key:" of the menu', () => {
    expect(dblpKey(li('id="conf/aaai/PeelC15"'))).toBe('conf/aaai/PeelC15');
    expect(dblpKey(li('id="journals/corr/abs-cond-mat-0503087"'))).toBe('journals/corr/abs-cond-mat-0503087');
    expect(dblpKey(li('id="DBLP:conf/stoc/AchlioptasCKM05"'))).toBe('conf/stoc/AchlioptasCKM05');
    expect(
      dblpKey(li('id="c6"', '<nav class="publ"><ul class="bullets"><li class="select-on-click"><small>books/sp/Okafor17</small></li></ul></nav>')),
    ).toBe('books/sp/Okafor17');
    expect(dblpKey(li(''))).toBeUndefined();
  });

  it('reads arXiv ids and DOIs from the links an entry points to', () => {
    expect(idsOfLink('http://arxiv.org/abs/1503.06772v2')).toEqual({ arxiv: '1503.06772v2' });
    expect(idsOfLink('http://arxiv.org/abs/physics/0610051')).toEqual({ arxiv: 'physics/0610051' });
    expect(idsOfLink('http://dx.doi.org/10.1186/1471-2105-15-220')).toEqual({ doi: '10.1186/1471-2105-15-220' });
    expect(idsOfLink('https://iopscience.iop.org/article/10.1088/1748-605X/ab007b/meta')).toEqual({ doi: '10.1088/1748-605x/ab007b' });
    expect(idsOfLink('https://onlinelibrary.wiley.com/doi/abs/10.1002/jqs.691?casa_token=abc')).toEqual({ doi: '10.1002/jqs.691' });
    expect(idsOfLink('https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0000001')).toEqual({ doi: '10.1371/journal.pone.0000001' });
    expect(idsOfLink('https://citeseerx.ist.psu.edu/viewdoc/summary?doi=10.1.1.123.4567')).toEqual({});
    expect(idsOfLink('https://www.aaai.org/ocs/index.php/AAAI/AAAI15/paper/view/9485')).toEqual({});
    expect(idsOfLink(null)).toEqual({});
  });

  it('parses an entry that a search page adds later on its own', () => {
    const doc = parsePage('<ul class="publ-list"></ul>');
    const entry = doc.createElement('li');
    entry.className = 'entry informal toc';
    entry.id = 'journals/corr/abs-2402-05555';
    entry.innerHTML =
      '<nav class="publ"><ul><li class="ee"><a href="https://arxiv.org/abs/2402.05555">arXiv</a></li></ul></nav><cite class="data"><span itemprop="author"><a><span itemprop="name">Kofi Osei 0002</span></a></span>: <span class="title" itemprop="name">Added Later.</span> (<span itemprop="datePublished">2024</span>)</cite>';
    doc.querySelector('ul')!.append(entry);
    expect(entry.matches(dblp.entrySelector!)).toBe(true);
    const d = dblp.parseEntry!(entry, new URL('https://dblp.org/search?q=added'))!;
    expect(d.paper).toMatchObject({
      key: 'arxiv:2402.05555',
      title: 'Added Later',
      authors: ['Kofi Osei'],
      year: 2024,
      type: 'preprint',
      ids: { dblp: 'journals/corr/abs-2402-05555' },
    });
    expect(d.anchor?.className).toBe('title');
  });

  it('skips an entry without a title or a key', () => {
    expect(dblp.parseEntry!(li('id="conf/x/Y20"', '<cite class="data">No title span</cite>'), new URL('https://dblp.org/'))).toBeNull();
    expect(dblp.parseEntry!(li('', '<span class="title">Keyless.</span>'), new URL('https://dblp.org/'))).toBeNull();
  });
});
