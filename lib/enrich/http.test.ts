import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PapershelfDB } from '../library/db';
import { getText, retryAfterMs, withCache, withPacing, withTimeout } from './http';
import { fakeFetch, ok, status } from './testing';

afterEach(() => void vi.useRealTimers());

describe('network layer', () => {
  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 01 Jan 2025 00:02:00 GMT', now)).toBe(120_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('4xx other than 404 is a permanent failure', async () => {
    await expect(getText(fakeFetch([['https://a', status(400)]]), 'https://a/x', 'application/json')).rejects.toMatchObject({ retryable: false });
  });

  it('times out a request that hangs (AbortController) and the failure is retryable', async () => {
    vi.useFakeTimers();
    const hanging = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const got = getText(withTimeout(hanging, 10_000), 'https://a/x', 'application/json');
    const check = expect(got).rejects.toMatchObject({ retryable: true, message: expect.stringContaining('timed out after 10000 ms') });
    await vi.advanceTimersByTimeAsync(10_000);
    await check;
  });

  it('caches 200 and 404 answers by URL for the TTL, not 5xx', async () => {
    const db = new PapershelfDB(`cache-${Math.random()}`);
    let t = 1000;
    const f = fakeFetch([
      ['https://a/ok', ok('body')],
      ['https://a/missing', status(404)],
      ['https://a/down', status(503)],
    ]);
    const cached = withCache(f, db, 60_000, () => t);
    expect(await (await cached('https://a/ok')).text()).toBe('body');
    expect(await (await cached('https://a/ok')).text()).toBe('body');
    expect((await cached('https://a/missing')).status).toBe(404);
    expect((await cached('https://a/missing')).status).toBe(404);
    await cached('https://a/down');
    await cached('https://a/down');
    expect(f.calls).toEqual(['https://a/ok', 'https://a/missing', 'https://a/down', 'https://a/down']);
    t += 60_000;
    await cached('https://a/ok');
    expect(f.calls.filter((u) => u === 'https://a/ok')).toHaveLength(2);
    await db.delete();
  });

  it('paces requests to one host', async () => {
    let t = 0;
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      t += ms;
    };
    const paced = withPacing(fakeFetch([['https://', ok('')]]), { 'export.arxiv.org': 3000 }, () => t, sleep);
    await paced('https://export.arxiv.org/api/query?id_list=1');
    await paced('https://api.crossref.org/works/1');
    t += 1000;
    await paced('https://export.arxiv.org/api/query?id_list=2');
    expect(waits).toEqual([2000]);
  });
});
