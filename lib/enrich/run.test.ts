import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PapershelfDB } from '../library/db';
import { findSaved, savedAmong } from '../library/db';
import { save } from '../library/commands';
import { makePaper } from '../paper/make';
import { drain, type EnrichEnv } from './run';
import { enqueue, nextDue } from './queue';
import { fakeFetch, ok, recorded, status, type Answer } from '../../tests/helpers/fetch';
import { uniqueName } from '../../tests/helpers/random';

let db: PapershelfDB;
let t: number;
let announced: string[];
beforeEach(() => {
  db = new PapershelfDB(uniqueName('run'));
  t = 1_000_000;
  announced = [];
});
afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

const env = (routes: [string, Answer][]): EnrichEnv & { fetch: ReturnType<typeof fakeFetch> } => ({
  db,
  fetch: fakeFetch(routes),
  now: () => t,
  random: () => 0.5,
  sleep: async (ms) => void (t += ms),
  announce: async (keys) => void announced.push(...keys),
});
const ARXIV = 'https://export.arxiv.org/api/query';
const S2 = 'https://api.semanticscholar.org/';
const CROSSREF = 'https://api.crossref.org/works/';

async function saveQueued(...metas: Parameters<typeof makePaper>[0][]) {
  const saved = await save(
    db,
    metas.map((m) => makePaper(m)!),
    t,
  );
  await enqueue(
    db,
    saved.map((p) => p.key),
    t,
  );
  return saved;
}

describe('draining the completion queue', () => {
  it('completes a listing entry (title + arXiv id) from the arXiv API and announces it', async () => {
    await saveQueued({ ids: { arxiv: '2410.05001' }, title: 'Tiny Recursive Models Beat Large Ones on Puzzles', source: 'huggingface' });
    const e = env([
      [ARXIV, ok(recorded('arxiv', 'hf-daily.xml'))],
      [S2, ok(recorded('semanticscholar', 'arxiv-only.json'))],
    ]);
    expect(await drain(e)).toBe(1);
    const p = (await db.papers.get('arxiv:2410.05001'))!;
    expect(p).toMatchObject({
      authors: ['Alice Martin', 'Bogdan Nowak', 'Chloé Dubois', 'Deepa Rao'],
      year: 2024,
      arxivVersion: 2,
      type: 'preprint',
      ids: { s2: '0123456789abcdef0123456789abcdef01234567' },
    });
    expect(announced).toContain('arxiv:2410.05001');
    expect(await nextDue(db)).toBeUndefined();
    // Done: a second drain asks no one.
    expect(await drain(e)).toBe(0);
    expect(e.fetch.calls).toHaveLength(2);
  });

  it('upgrades a preprint through its arXiv DOI and Crossref, keeping what the user edited', async () => {
    const [saved] = await saveQueued({ ids: { arxiv: '1706.03762v5' }, title: 'Attention Is All You Need', source: 'arxiv' });
    await db.papers.update(saved.key, { edited: ['title', 'pages'], pages: '1-11' });
    await drain(
      env([
        [ARXIV, ok(recorded('arxiv', 'batch.xml'))],
        [CROSSREF, ok(recorded('crossref', 'nips-2017.json'))],
      ]),
    );
    const p = (await db.papers.get('arxiv:1706.03762'))!;
    expect(p).toMatchObject({ type: 'conference', year: 2017, pages: '1-11', arxivVersion: 7, ids: { doi: '10.5555/3295222.3295349' } });
    expect(p.venue).toMatch(/^Proceedings of the 31st/);
    expect(await savedAmong(db, ['doi:10.5555/3295222.3295349'])).toEqual(new Set(['doi:10.5555/3295222.3295349']));
  });

  it('merges a saved preprint and its saved published version into one record', async () => {
    await saveQueued({ ids: { doi: '10.1109/CVPR.2023.00001' }, title: 'Seeing Far: A Published Preprint', source: 'ieee' });
    t += 1000;
    await saveQueued({ ids: { arxiv: '2301.00001' }, title: 'Seeing Far: A Published Preprint', source: 'arxiv' });
    await db.papers.update('arxiv:2301.00001', { note: 'from arXiv', tags: ['vision'] });
    await db.papers.update('doi:10.1109/cvpr.2023.00001', { note: 'from IEEE' });
    await drain(env([[S2, ok(recorded('semanticscholar', 'preprint-with-doi.json'))]]));
    const all = await db.papers.toArray();
    expect(all).toHaveLength(1);
    const [m] = all;
    expect(m.key).toBe('doi:10.1109/cvpr.2023.00001'); // the older record's key
    expect(m.aliases).toContain('arxiv:2301.00001');
    expect(m).toMatchObject({ tags: ['vision'], venue: 'Computer Vision and Pattern Recognition', type: 'conference' });
    expect(m.note).toContain('from arXiv');
    expect(m.note).toContain('from IEEE');
    expect((await findSaved(db, ['arxiv:2301.00001']))?.key).toBe(m.key);
  });

  it('429 with Retry-After reschedules the job; what did arrive is kept; the cache spares repeats', async () => {
    await saveQueued({ ids: { arxiv: '2410.05001' }, title: 'Tiny Recursive Models Beat Large Ones on Puzzles', source: 'hf' });
    let busy = true;
    const e = env([
      [ARXIV, ok(recorded('arxiv', 'hf-daily.xml'))],
      [S2, () => (busy ? status(429, { 'retry-after': '900' })() : ok(recorded('semanticscholar', 'arxiv-only.json'))())],
    ]);
    const start = t;
    await drain(e);
    expect((await db.papers.get('arxiv:2410.05001'))?.authors).toHaveLength(4);
    expect(await nextDue(db)).toBeGreaterThanOrEqual(start + 900_000);
    expect(await drain(e)).toBe(0); // not due yet
    busy = false;
    t = (await nextDue(db))!;
    await drain(e);
    expect(await nextDue(db)).toBeUndefined();
    expect(e.fetch.calls.filter((u) => u.startsWith(ARXIV))).toHaveLength(1);
  });

  it('offline: every job waits and nothing changes', async () => {
    await saveQueued({ ids: { arxiv: '2410.05001' }, title: 'T', source: 'hf' }, { ids: { doi: '10.1000/x' }, title: 'U', source: 'x' });
    const e = env([]);
    expect(await drain(e)).toBe(2);
    expect(await db.queue.where('due').above(t).count()).toBe(2);
    expect(announced).toEqual([]);
  });

  it('a server that hangs times out after 10 s and the job is retried later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await saveQueued({ ids: { doi: '10.1000/x' }, title: 'U', source: 'x' });
    const e = env([]);
    e.fetch = Object.assign(
      (_u: string, init?: RequestInit) =>
        new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))),
      { calls: [] },
    );
    let taken: number | undefined;
    const done = drain(e).then((n) => (taken = n));
    // The database works on real time; the request's deadline on fake time.
    for (let i = 0; i < 100 && taken === undefined; i++) {
      await new Promise((r) => setImmediate(r));
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(await done).toBe(1);
    expect(await nextDue(db)).toBeGreaterThan(t);
  });

  it('malformed answers are not retried and leave the record as it was', async () => {
    const [saved] = await saveQueued({ ids: { arxiv: '2410.05001' }, title: 'T', source: 'hf' });
    await drain(
      env([
        [ARXIV, ok(recorded('arxiv', 'malformed.xml'))],
        [S2, ok('not json')],
      ]),
    );
    expect(await db.papers.get(saved.key)).toEqual(saved);
    expect(await nextDue(db)).toBeUndefined();
  });
});
