import { describe, expect, it } from 'vitest';
import { fetchCrossref } from './crossref';
import { fakeFetch, ok, recorded, status } from '../../tests/helpers/fetch';

const serving = (file: string) => fakeFetch([['https://api.crossref.org/works/', ok(recorded('crossref', file))]]);

describe('Crossref client', () => {
  it('reads a proceedings article: venue, pages, date, and the arXiv preprint it names', async () => {
    const f = serving('nips-2017.json');
    const c = await fetchCrossref(f, '10.5555/3295222.3295349');
    expect(f.calls[0]).toBe('https://api.crossref.org/works/10.5555%2F3295222.3295349');
    expect(c).toMatchObject({
      ids: { doi: '10.5555/3295222.3295349', arxiv: '1706.03762' },
      type: 'conference',
      venue: 'Proceedings of the 31st International Conference on Neural Information Processing Systems',
      year: 2017,
      date: '2017-12-04',
      pages: '6000-6010',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
    });
  });

  it('keeps what a partial record has: markup stripped, no authors, year only', async () => {
    const c = await fetchCrossref(serving('partial.json'), '10.1000/partial.1');
    expect(c).toMatchObject({ title: 'On Partial Records', year: 2021, date: '2021', volume: '12', type: 'journal' });
    expect(c).not.toHaveProperty('authors');
  });

  it('decodes entities in titles and venues', async () => {
    const c = await fetchCrossref(serving('tacl-2025.json'), '10.1162/tacl_a_00777');
    expect(c).toMatchObject({
      title: 'Sparse Mixtures & Dense Experts: Scaling Laws for Routing',
      venue: 'Transactions of the Association for Computational Linguistics',
      volume: '13',
    });
  });

  it('a posted preprint names its published DOI', async () => {
    const c = await fetchCrossref(serving('biorxiv-preprint.json'), '10.1101/2020.01.01.000001');
    expect(c).toMatchObject({ type: 'preprint', publishedDoi: '10.1038/s41586-020-0001-1' });
    expect(c).not.toHaveProperty('venue');
  });

  it('malformed and unexpected bodies fail without retry; 404 is "unknown"; 5xx is retried', async () => {
    await expect(fetchCrossref(serving('malformed.json'), '10.1/x')).rejects.toMatchObject({ retryable: false });
    await expect(fetchCrossref(serving('wrong-shape.json'), '10.1/x')).rejects.toMatchObject({ retryable: false });
    expect(await fetchCrossref(fakeFetch([['https://api.crossref.org', status(404)]]), '10.1/x')).toBeNull();
    await expect(fetchCrossref(fakeFetch([['https://api.crossref.org', status(502)]]), '10.1/x')).rejects.toMatchObject({ retryable: true });
  });
});
