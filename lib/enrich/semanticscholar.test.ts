import { describe, expect, it } from 'vitest';
import { fetchSemanticScholar, s2IdOf } from './semanticscholar';
import { fakeFetch, ok, recorded, status } from '../../tests/helpers/fetch';

const serving = (file: string) => fakeFetch([['https://api.semanticscholar.org/graph/v1/paper/', ok(recorded('semanticscholar', file))]]);

describe('Semantic Scholar client', () => {
  it('asks by the most specific id: a published DOI, else arXiv', () => {
    expect(s2IdOf({ arxiv: '1706.03762', doi: '10.1145/1' })).toBe('DOI:10.1145/1');
    expect(s2IdOf({ arxiv: '1706.03762', doi: '10.48550/arxiv.1706.03762' })).toBe('ARXIV:1706.03762');
    expect(s2IdOf({ url: 'https://example.org' })).toBeUndefined();
  });

  it('reads venue and type of a published paper (null ids ignored)', async () => {
    const f = serving('published.json');
    const c = await fetchSemanticScholar(f, { arxiv: '1706.03762' });
    expect(f.calls[0]).toMatch(
      /\/graph\/v1\/paper\/ARXIV%3A1706\.03762\?fields=title,authors,year,venue,externalIds,publicationVenue,journal,publicationTypes$/,
    );
    expect(c).toMatchObject({
      ids: { arxiv: '1706.03762', s2: '204e3073870fae3d05bcbc2f6a8e263d9b72e776' },
      venue: 'Neural Information Processing Systems',
      type: 'conference',
      year: 2017,
    });
    expect(c?.ids.doi).toBeUndefined();
  });

  it('links a preprint to its published DOI', async () => {
    const c = await fetchSemanticScholar(serving('preprint-with-doi.json'), { arxiv: '2301.00001' });
    expect(c).toMatchObject({
      ids: { doi: '10.1109/cvpr.2023.00001', arxiv: '2301.00001' },
      type: 'conference',
      venue: 'Computer Vision and Pattern Recognition',
    });
  });

  it('arXiv is not a venue', async () => {
    const c = await fetchSemanticScholar(serving('arxiv-only.json'), { arxiv: '2410.05001' });
    expect(c).toMatchObject({ type: 'preprint', year: 2024 });
    expect(c).not.toHaveProperty('venue');
  });

  it('404 → null, 429 → retryable, garbage → not retried', async () => {
    expect(await fetchSemanticScholar(fakeFetch([['https://api.semanticscholar.org', status(404)]]), { arxiv: '1' })).toBeNull();
    await expect(fetchSemanticScholar(fakeFetch([['https://api.semanticscholar.org', status(429)]]), { arxiv: '2401.00001' })).rejects.toMatchObject({
      retryable: true,
    });
    await expect(
      fetchSemanticScholar(fakeFetch([['https://api.semanticscholar.org', ok('{"paperId": 5}')]]), { arxiv: '2401.00001' }),
    ).rejects.toMatchObject({ retryable: false });
  });
});
