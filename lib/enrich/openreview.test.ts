import { describe, expect, it } from 'vitest';
import { fetchOpenReview } from './openreview';
import { fakeFetch, ok, recorded } from '../../tests/helpers/fetch';

const serving = (file: string) => fakeFetch([['https://api2.openreview.net/notes', ok(recorded('openreview', file))]]);

describe('OpenReview client', () => {
  it('an accepted paper gets its venue (without the presentation kind) and year', async () => {
    const f = serving('accepted.json');
    const c = await fetchOpenReview(f, 'AbCdEf123');
    expect(f.calls[0]).toBe('https://api2.openreview.net/notes?id=AbCdEf123');
    expect(c).toMatchObject({
      ids: { openreview: 'AbCdEf123' },
      venue: 'ICLR 2024',
      type: 'conference',
      year: 2024,
      authors: ['Ida Lee', 'Omar Haddad'],
    });
  });

  it('a submission under review is not published', async () => {
    const c = await fetchOpenReview(serving('submitted.json'), 'Sub123');
    expect(c).not.toHaveProperty('venue');
    expect(c).not.toHaveProperty('type');
  });

  it('no note → null; malformed → not retried', async () => {
    expect(await fetchOpenReview(fakeFetch([['https://api2.openreview.net', ok('{"notes": []}')]]), 'x')).toBeNull();
    await expect(fetchOpenReview(fakeFetch([['https://api2.openreview.net', ok('<html>')]]), 'x')).rejects.toMatchObject({ retryable: false });
  });
});
