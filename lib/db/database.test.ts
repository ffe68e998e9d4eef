import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../paper/schema';
import { PapershelfDB, schemaVersions } from './database';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../../tests/fixtures/db/v1-papers.json'), 'utf8')) as Paper[];

/** The records a version-1 database held: the fixture plus many generated ones. */
function v1Records(): Paper[] {
  const many = Array.from({ length: 500 }, (_, i): Paper => ({
    ...fixture[0],
    key: `arxiv:2401.${String(i).padStart(5, '0')}`,
    ids: { arxiv: `2401.${String(i).padStart(5, '0')}` },
    title: `Paper ${i}`,
    tags: i % 3 ? [`t${i % 7}`] : [],
    aliases: i % 5 ? [] : [`doi:10.1000/p${i}`],
  }));
  return [...fixture, ...many];
}

describe('database versions', () => {
  it('upgrades a version-1 database to the latest version without losing a record', async () => {
    const name = `migrate-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(schemaVersions[1]);
    const records = v1Records();
    await old.table('papers').bulkPut(records);
    old.close();

    const db = new PapershelfDB(name);
    await db.open();
    expect(db.verno).toBe(Math.max(...Object.keys(schemaVersions).map(Number)));
    expect(await db.papers.count()).toBe(records.length);
    for (const r of fixture) expect(await db.papers.get(r.key)).toEqual(r);
    // Indexes still answer: aliases and tags.
    expect((await db.papers.where('aliases').equals('doi:10.1000/p5').first())?.key).toBe('arxiv:2401.00005');
    expect(await db.papers.where('tags').equals('nlp').count()).toBe(1);
    // The new tables exist and start empty.
    expect(await db.queue.count()).toBe(0);
    expect(await db.cache.count()).toBe(0);
    // Version 3: no history for what was there, only the baseline mark.
    expect(await db.changes.count()).toBe(0);
    expect((await db.meta.get('baseline'))?.value).toMatchObject({ count: records.length });
    await db.delete();
  });
});
