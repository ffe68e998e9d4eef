import { describe, expect, it } from 'vitest';
import { newPaper } from '../paper/schema';
import { escapeMarkdown, toMarkdown } from './markdown';

describe('toMarkdown', () => {
  it('lists papers with links, tags and notes', () => {
    const p = {
      ...newPaper(
        {
          key: 'arxiv:1706.03762',
          ids: { arxiv: '1706.03762' },
          title: 'Attention [Is] *All*',
          authors: ['A B'],
          year: 2017,
          type: 'preprint',
          source: 't',
        },
        0,
      ),
      tags: ['nlp'],
      note: 'line 1\nline 2',
    };
    expect(toMarkdown([p])).toBe(
      '# Papers\n\n- [Attention \\[Is\\] \\*All\\*](https://arxiv.org/abs/1706.03762) — A B (2017)\n  Tags: `nlp`\n  > line 1\n  > line 2\n',
    );
  });
  it('escapes HTML and link syntax', () => {
    expect(escapeMarkdown('<script>](javascript:x)')).toBe('\\<script\\>\\]\\(javascript:x\\)');
  });
});

describe('DOI links', () => {
  it('percent-encode a SICI DOI', () => {
    const doi = '10.1002/(sici)1097-4636(199901)44:1<33::aid-jbm4>3.0.co;2-x';
    const md = toMarkdown([newPaper({ key: `doi:${doi}`, ids: { doi }, title: 'T', authors: [], type: 'journal', source: 't' })]);
    expect(md).toContain('](https://doi.org/10.1002/(sici)1097-4636(199901)44%3A1%3C33%3A%3Aaid-jbm4%3E3.0.co%3B2-x)');
  });
});

describe('toMarkdown with highlights', () => {
  it('quotes each highlight with a deep link and its comment, escaped', () => {
    const p = newPaper({ key: 'arxiv:2401.01234', ids: { arxiv: '2401.01234' }, title: 'Sparse', authors: [], type: 'preprint', source: 't' }, 0);
    const h = {
      id: 'aaaaaaaa1',
      key: p.key,
      color: 'yellow' as const,
      url: 'https://arxiv.org/html/2401.01234v1',
      createdAt: 0,
      updatedAt: 0,
      selectors: { quote: { type: 'TextQuoteSelector' as const, exact: 'a learned   subset <b>' } },
      comment: 'Key idea\n<script>',
    };
    expect(toMarkdown([p], 'Papers', new Map([[p.key, [h]]]))).toBe(
      '# Papers\n\n- [Sparse](https://arxiv.org/abs/2401.01234)\n\n  Highlights:\n\n' +
        '  > a learned subset \\<b\\> [↗](https://arxiv.org/html/2401.01234v1#:~:text=a%20learned%20subset%20%3Cb%3E)\n  >\n  > Key idea\n  > \\<script\\>\n\n',
    );
    expect(toMarkdown([p])).not.toContain('Highlights');
  });
});
