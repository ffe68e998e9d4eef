import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PapershelfDB } from '../library/db';
import { restore } from '../library/commands';
import { makePaper } from '../paper/make';
import { newPaper } from '../paper/schema';
import { BACKOFF, backoffDelay, dueJobs, enqueue, enqueueIncomplete, finish, nextDue, REFRESH_MS, retryLater } from './queue';
import { uniqueName } from '../../tests/helpers/random';

let db: PapershelfDB;
beforeEach(() => void (db = new PapershelfDB(uniqueName('q'))));
afterEach(() => db.delete());

describe('completion queue', () => {
  it('back-off doubles, is jittered within [half, full] and honours Retry-After', () => {
    expect(backoffDelay(0, () => 0)).toBe(BACKOFF.baseMs / 2);
    expect(backoffDelay(0, () => 1)).toBe(BACKOFF.baseMs);
    expect(backoffDelay(3, () => 1)).toBe(BACKOFF.baseMs * 8);
    expect(backoffDelay(30, () => 1)).toBe(BACKOFF.maxMs);
    expect(backoffDelay(0, () => 0, 600_000)).toBe(600_000);
  });

  it('survives a restart: jobs live in the database', async () => {
    await enqueue(db, ['arxiv:1', 'arxiv:2'], 1000);
    db.close();
    const again = new PapershelfDB(db.name);
    expect((await dueJobs(again, 1000, 10)).map((j) => j.key)).toEqual(['arxiv:1', 'arxiv:2']);
    again.close();
    await db.open();
  });

  it('a done paper is not queued again until the refresh period has passed', async () => {
    await enqueue(db, ['arxiv:1'], 0);
    await finish(db, 'arxiv:1', 10);
    expect(await enqueue(db, ['arxiv:1'], 20)).toEqual([]);
    expect(await dueJobs(db, 1e15, 10)).toEqual([]);
    expect(await enqueue(db, ['arxiv:1'], 10 + REFRESH_MS)).toEqual(['arxiv:1']);
  });

  it('rows already read in the transaction are not read again, and decide as a read would', async () => {
    await enqueue(db, ['arxiv:1', 'arxiv:2'], 0);
    await finish(db, 'arxiv:2', 10);
    const known = new Map([
      ['arxiv:1', await db.queue.get('arxiv:1')],
      ['arxiv:2', await db.queue.get('arxiv:2')],
      ['arxiv:3', undefined],
    ]);
    const reads: string[][] = [];
    const bulkGet = db.queue.bulkGet.bind(db.queue);
    db.queue.bulkGet = (keys: string[]) => (reads.push(keys), bulkGet(keys));
    // arxiv:1 keeps its schedule, arxiv:2 was done recently, arxiv:3 and arxiv:4 are new.
    expect(await enqueue(db, ['arxiv:1', 'arxiv:2', 'arxiv:3', 'arxiv:4'], 20, REFRESH_MS, known)).toEqual(['arxiv:3', 'arxiv:4']);
    expect(reads).toEqual([['arxiv:4']]);
    expect(await enqueue(db, ['arxiv:2'], 20, REFRESH_MS, known)).toEqual([]);
    expect(reads).toEqual([['arxiv:4']]);
  });

  it('a failed job waits its back-off, then gives up after the last attempt', async () => {
    await enqueue(db, ['arxiv:1'], 0);
    const [job] = await dueJobs(db, 0, 10);
    await retryLater(db, job, 0, () => 1, 300_000);
    expect(await dueJobs(db, 299_999, 10)).toEqual([]);
    expect(await nextDue(db)).toBe(300_000);
    await retryLater(db, { ...job, attempts: BACKOFF.maxAttempts - 1 }, 0, () => 1);
    expect(await nextDue(db)).toBeUndefined();
    expect((await db.queue.get('arxiv:1'))?.doneAt).toBe(0);
  });

  it('queues papers saved earlier that lack authors or year, once', async () => {
    // Records as a library from before completion has them: in the papers table, not in the queue.
    await restore(db, [
      newPaper(makePaper({ ids: { arxiv: '2401.00001' }, title: 'Bare', source: 't' })!),
      newPaper(makePaper({ ids: { doi: '10.1000/full' }, title: 'Full', authors: ['A B'], year: 2020, venue: 'J', source: 't' })!),
    ]);
    expect(await enqueueIncomplete(db, 0)).toEqual(['arxiv:2401.00001']);
    expect(await enqueueIncomplete(db, 0)).toEqual([]);
  });
});
