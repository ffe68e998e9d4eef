import { describe, expect, it } from 'vitest';
import { newPaper } from '../paper/schema';
import { risName, toRis } from './ris';

describe('toRis', () => {
  it('writes tagged CRLF lines closed by ER', () => {
    const p = {
      ...newPaper(
        {
          key: 'doi:10.1/x',
          ids: { doi: '10.1/x', arxiv: '1706.03762' },
          title: 'T',
          authors: ['Jan van der Berg'],
          year: 2017,
          date: '2017-06-12',
          venue: 'Nature',
          type: 'journal',
          source: 't',
          pages: '1–9',
        },
        0,
      ),
      tags: ['a', 'b'],
      note: 'n\nm',
    };
    expect(toRis([p])).toBe(
      [
        'TY  - JOUR',
        'AU  - van der Berg, Jan',
        'TI  - T',
        'T2  - Nature',
        'PY  - 2017',
        'DA  - 2017/06/12/',
        'SP  - 1',
        'EP  - 9',
        'DO  - 10.1/x',
        'AN  - arXiv:1706.03762',
        'UR  - https://arxiv.org/abs/1706.03762',
        'KW  - a',
        'KW  - b',
        'N1  - n m',
        'ER  - ',
        '',
      ].join('\r\n'),
    );
  });
  it('names: family, given, suffix', () => {
    expect(risName('Martin Luther King Jr.')).toBe('King, Martin Luther, Jr.');
    expect(risName('Aristotle')).toBe('Aristotle');
  });
});
