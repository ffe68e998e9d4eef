import { describe, expect, it } from 'vitest';
import { fetchArxiv, parseArxivFeed, toCompletion } from './arxiv';
import { LookupError } from './http';
import { fakeFetch, ok, recorded, status } from '../../tests/helpers/fetch';

describe('arXiv API client', () => {
  it('reads entries: latest version, authors, DOI, journal_ref, category; entities and CDATA decoded', () => {
    const [attention, maldacena, ...rest] = parseArxivFeed(recorded('arxiv', 'batch.xml'));
    expect(attention).toMatchObject({
      id: '1706.03762',
      version: 7,
      title: 'Attention Is All You Need',
      doi: '10.5555/3295222.3295349',
      category: 'cs.CL',
    });
    expect(attention.authors).toEqual(['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar']);
    expect(attention.summary).toContain('recurrent & convolutional networks <...>.');
    expect(attention.journalRef).toMatch(/^Advances in Neural/);
    expect(maldacena).toMatchObject({
      id: 'hep-th/9711200',
      version: 3,
      title: 'The Large N Limit of Superconformal Field Theories & Supergravity',
      category: 'hep-th',
    });
    // The unknown id (no title) and the error entry are skipped, and so is the commented-out <entry>.
    expect(rest).toEqual([]);
  });

  it('turns an entry into a completion with year and first-version date', () => {
    const [e] = parseArxivFeed(recorded('arxiv', 'hf-daily.xml'));
    expect(toCompletion(e)).toMatchObject({ ids: { arxiv: '2410.05001' }, year: 2024, date: '2024-10-07', arxivVersion: 2, arxivCategory: 'cs.LG' });
    expect(toCompletion(e).title).toBe('Tiny Recursive Models Beat Large Ones on Puzzles');
    expect(toCompletion(e).authors).toHaveLength(4);
  });

  it('refuses a body that is not an Atom feed, without retrying', () => {
    expect(() => parseArxivFeed(recorded('arxiv', 'malformed.xml'))).toThrow(LookupError);
    try {
      parseArxivFeed('');
    } catch (e) {
      expect((e as LookupError).retryable).toBe(false);
    }
  });

  it('asks for at most 100 ids per request', async () => {
    const f = fakeFetch([['https://export.arxiv.org/api/query', ok(recorded('arxiv', 'batch.xml'))]]);
    const ids = Array.from({ length: 250 }, (_, i) => `2401.${String(i).padStart(5, '0')}`);
    const got = await fetchArxiv(f, [...ids, 'hep-th/9711200']);
    expect(f.calls).toHaveLength(3);
    expect(f.calls.map((u) => new URL(u).searchParams.get('id_list')!.split(',').length)).toEqual([100, 100, 51]);
    expect(f.calls[2]).toContain('hep-th/9711200');
    expect(got.get('1706.03762')?.version).toBe(7);
  });

  it('429 and 5xx are retryable, with Retry-After honoured', async () => {
    const busy = fakeFetch([['https://export.arxiv.org', status(429, { 'retry-after': '120' })]]);
    await expect(fetchArxiv(busy, ['1706.03762'])).rejects.toMatchObject({ retryable: true, retryAfterMs: 120_000 });
    const down = fakeFetch([['https://export.arxiv.org', status(503)]]);
    await expect(fetchArxiv(down, ['1706.03762'])).rejects.toMatchObject({ retryable: true });
    const offline = fakeFetch([]);
    await expect(fetchArxiv(offline, ['1706.03762'])).rejects.toMatchObject({ retryable: true });
  });
});
