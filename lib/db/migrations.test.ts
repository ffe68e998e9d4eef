// Migration framework: for every earlier schema version, a database as that version left it
// (10,000 generated records, hostile text included, plus the hand-written fixture) is opened
// with the current PapershelfDB. Every record must come back unchanged and findable by index.
// A new entry in `schemaVersions` is covered without touching this file; give it a row factory
// below when its new table needs rows to carry over.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAYLOADS } from '../../tests/fixtures/hostile/payloads';
import type { Paper } from '../paper/schema';
import { PapershelfDB, schemaVersions } from './database';
import { uniqueName } from '../../tests/helpers/random';

const N = 10_000;
const versions = Object.keys(schemaVersions)
  .map(Number)
  .sort((a, b) => a - b);
const latest = versions[versions.length - 1];
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../../tests/fixtures/db/v1-papers.json'), 'utf8')) as Paper[];

function paperRows(): Paper[] {
  const generated = Array.from({ length: N }, (_, i): Paper => {
    const id = `2301.${String(i).padStart(5, '0')}`;
    const hostile = PAYLOADS[i % PAYLOADS.length];
    return {
      key: `arxiv:${id}`,
      ids: i % 4 ? { arxiv: id } : { arxiv: id, doi: `10.1000/m${i}` },
      title: i % 10 ? `Paper ${i}` : hostile,
      authors: [`Author ${i % 97}`, ...(i % 13 ? [] : [hostile.slice(0, 1000)])],
      year: 1990 + (i % 35),
      type: 'preprint',
      source: 'migration',
      abstract: i % 3 ? undefined : hostile,
      tags: i % 3 ? [`t${i % 11}`, ...(i % 7 ? [] : ['shared tag'])] : [],
      note: i % 5 ? '' : `note ${i}\n${hostile}`,
      status: (['unread', 'reading', 'read'] as const)[i % 3],
      starred: i % 9 === 0,
      addedAt: 1_600_000_000_000 + i,
      updatedAt: 1_600_000_000_000 + 2 * i,
      aliases: i % 4 ? [] : [`doi:10.1000/m${i}`],
      ...(i % 17 ? {} : { citationKey: `key${i}`, citationKeyPinned: true }),
    };
  });
  for (const p of generated) if (p.abstract === undefined) delete p.abstract;
  return [...fixture, ...generated];
}

/** Rows for tables other than `papers`, by table name (new tables start empty unless listed). */
const ROWS: Record<string, () => object[]> = {
  highlights: () =>
    Array.from({ length: 50 }, (_, i) => ({ id: `h${i}`, key: `arxiv:2301.${String(i).padStart(5, '0')}`, updatedAt: i, color: 'yellow' })),
  changes: () =>
    Array.from({ length: 50 }, (_, i) => ({
      hlc: `00000000${i % 10}-0000-dev`,
      device: 'dev',
      key: `arxiv:2301.0000${i % 10}`,
      origin: 'edit',
      ops: [],
    })),
  queue: () =>
    Array.from({ length: 100 }, (_, i) => ({ key: `arxiv:2301.${String(i).padStart(5, '0')}`, due: 1_700_000_000_000 + i, attempts: i % 3 })),
};

describe('schema migrations lose nothing', () => {
  it('has a history starting at version 1 with no gaps', () => {
    expect(versions).toEqual(Array.from({ length: latest }, (_, i) => i + 1));
    expect(new PapershelfDB('probe').verno).toBe(latest);
  });

  for (const from of versions.filter((v) => v < latest)) {
    it(`version ${from} → ${latest}: ${N + fixture.length} papers unchanged and indexed`, async () => {
      const name = uniqueName(`migrate-${from}`);
      const old = new Dexie(name);
      for (const v of versions.filter((v) => v <= from)) old.version(v).stores(schemaVersions[v]);
      const papers = paperRows();
      const others: Record<string, object[]> = {};
      await old.transaction('rw', old.tables, async () => {
        await old.table('papers').bulkPut(papers);
        for (const t of old.tables) if (t.name !== 'papers' && ROWS[t.name]) await t.bulkPut((others[t.name] = ROWS[t.name]()));
      });
      old.close();

      const db = new PapershelfDB(name);
      await db.open();
      expect(db.verno).toBe(latest);
      const after = await db.papers.bulkGet(papers.map((p) => p.key));
      const lost = papers.filter((p, i) => JSON.stringify(after[i]) !== JSON.stringify(p));
      expect(lost.map((p) => p.key)).toEqual([]);
      expect(await db.papers.count()).toBe(papers.length);
      // Every index of the latest version answers for migrated rows.
      expect(await db.papers.where('aliases').equals('doi:10.1000/m4').primaryKeys()).toEqual(['arxiv:2301.00004']);
      expect(await db.papers.where('tags').equals('shared tag').count()).toBe(papers.filter((p) => p.tags.includes('shared tag')).length);
      expect(await db.papers.where('status').equals('read').count()).toBe(papers.filter((p) => p.status === 'read').length);
      expect(await db.papers.where('year').between(2000, 2010, true, true).count()).toBe(
        papers.filter((p) => p.year! >= 2000 && p.year! <= 2010).length,
      );
      for (const [table, rows] of Object.entries(others)) expect(await db.table(table).count(), table).toBe(rows.length);
      await db.delete();
    }, 60_000);
  }
});
