import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../paper/make';
import type { PaperMeta } from '../paper/schema';
import { PapershelfDB } from './db';
import { addTags, remove, restore, save, setStatus, update } from './commands';
import { findSaved, savedAmong } from './db';

let db: PapershelfDB;
let n = 0;
beforeEach(() => {
  db = new PapershelfDB(`test-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const meta = (ids: PaperMeta['ids'], title = 'A paper', extra: Partial<PaperMeta> = {}): PaperMeta => ({
  ...makePaper({ ids, title, source: 'test' })!,
  ...extra,
});

describe('library commands', () => {
  it('saves a paper keyed by its canonical key with defaults for user fields', async () => {
    await save(db, [meta({ arxiv: '1706.03762v5' }, 'Attention Is All You Need')], 1000);
    const p = await db.papers.get('arxiv:1706.03762');
    expect(p).toMatchObject({
      title: 'Attention Is All You Need',
      tags: [],
      note: '',
      status: 'unread',
      starred: false,
      addedAt: 1000,
      updatedAt: 1000,
    });
  });

  it('saving again fills gaps but keeps what the user added', async () => {
    await save(db, [meta({ arxiv: '1706.03762' })]);
    await update(db, 'arxiv:1706.03762', { note: 'read §3', tags: ['nlp'] });
    await save(db, [meta({ arxiv: '1706.03762' }, 'Other title', { authors: ['Ashish Vaswani'], year: 2017 })]);
    const p = (await db.papers.get('arxiv:1706.03762'))!;
    expect(p.note).toBe('read §3');
    expect(p.tags).toEqual(['nlp']);
    expect(p.title).toBe('A paper');
    expect(p.authors).toEqual(['Ashish Vaswani']);
    expect(p.year).toBe(2017);
    expect(await db.papers.count()).toBe(1);
  });

  it('finds a paper saved under another identifier (alias) instead of duplicating it', async () => {
    await save(db, [meta({ arxiv: '1810.04805', doi: '10.18653/v1/N19-1423' }, 'BERT')]);
    expect(await db.papers.count()).toBe(1);
    await save(db, [meta({ doi: '10.18653/V1/N19-1423' }, 'BERT (NAACL)')]);
    expect(await db.papers.count()).toBe(1);
    expect((await findSaved(db, ['doi:10.18653/v1/n19-1423']))?.key).toBe('arxiv:1810.04805');
    expect([...(await savedAmong(db, ['doi:10.18653/v1/n19-1423', 'arxiv:1810.04805', 'arxiv:9999.99999']))].sort()).toEqual([
      'arxiv:1810.04805',
      'doi:10.18653/v1/n19-1423',
    ]);
  });

  it('removes and restores records exactly, notes and tags intact', async () => {
    await save(db, [meta({ arxiv: '2401.01234' })]);
    await update(db, 'arxiv:2401.01234', { note: 'keep me', tags: ['a', 'b'], status: 'read', starred: true });
    const before = await db.papers.get('arxiv:2401.01234');
    const removed = await remove(db, ['arxiv:2401.01234']);
    expect(await db.papers.count()).toBe(0);
    await restore(db, removed);
    expect(await db.papers.get('arxiv:2401.01234')).toEqual(before);
  });

  it('updates only the named fields', async () => {
    await save(db, [meta({ arxiv: '2401.01234' })]);
    await update(db, 'arxiv:2401.01234', { note: 'n1' });
    await update(db, 'arxiv:2401.01234', { tags: [' x ', 'x', 'y', ''] });
    const p = (await db.papers.get('arxiv:2401.01234'))!;
    expect(p.note).toBe('n1');
    expect(p.tags).toEqual(['x', 'y']);
  });

  it('bulk tags and status', async () => {
    await save(db, [meta({ arxiv: '2401.00001' }), meta({ arxiv: '2401.00002' })]);
    await addTags(db, ['arxiv:2401.00001', 'arxiv:2401.00002'], ['to-cite']);
    await setStatus(db, ['arxiv:2401.00002'], 'reading');
    const all = await db.papers.orderBy('key').toArray();
    expect(all.map((p) => p.tags)).toEqual([['to-cite'], ['to-cite']]);
    expect(all.map((p) => p.status)).toEqual(['unread', 'reading']);
    expect(await db.papers.where('tags').equals('to-cite').count()).toBe(2);
  });
});

describe('saving a batch', () => {
  it('saves a listing at once, merging duplicates and known aliases', async () => {
    await save(db, [meta({ arxiv: '1810.04805', doi: '10.18653/v1/N19-1423' }, 'BERT')]);
    await update(db, 'arxiv:1810.04805', { note: 'keep' });
    const batch = [
      ...Array.from({ length: 100 }, (_, i) => meta({ arxiv: `2401.${String(i).padStart(5, '0')}` }, `Paper ${i}`)),
      meta({ arxiv: '2401.00007' }, 'Paper 7 again', { year: 2024 }),
      meta({ doi: '10.18653/v1/n19-1423' }, 'BERT (published)', { venue: 'NAACL' }),
    ];
    const out = await save(db, batch);
    expect(out).toHaveLength(102);
    expect(await db.papers.count()).toBe(101);
    expect((await db.papers.get('arxiv:2401.00007'))!.year).toBe(2024);
    const bert = (await db.papers.get('arxiv:1810.04805'))!;
    expect(bert.note).toBe('keep');
    expect(bert.venue).toBe('NAACL');
  });
});
