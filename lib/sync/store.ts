// Sync's own state, in a database of its own ('papershelf-sync', like the backups): the merge
// state per paper, the cursor, which note versions each note the library shows stands for, and
// the keys a round left for the next (changed here while it ran).
// The library's schema versions never touch it; Disconnect deletes it whole.
import { Dexie, type EntityTable } from 'dexie';
import { emptyLibrary, type LibraryState } from './merge';
import type { SyncCursor } from './protocol';
import { addPaperJson, paperToJson, type PaperJson } from './snapshot';
import type { SyncStore } from './engine';

export const SYNC_DB_NAME = 'papershelf-sync';

interface StateRow {
  key: string;
  s: PaperJson;
}
interface KvRow {
  id: string;
  value: unknown;
}

export class SyncDB extends Dexie {
  states!: EntityTable<StateRow, 'key'>;
  kv!: EntityTable<KvRow, 'id'>;

  constructor(name = SYNC_DB_NAME) {
    super(name);
    this.version(1).stores({ states: '&key', kv: '&id' });
  }
}

export function dexieStore(db: SyncDB): SyncStore {
  return {
    async load() {
      const [rows, cursor, presented, deferred] = await db.transaction('r', db.states, db.kv, () =>
        Promise.all([db.states.toArray(), db.kv.get('cursor'), db.kv.get('presented'), db.kv.get('deferred')]),
      );
      const lib: LibraryState = emptyLibrary();
      for (const r of rows) addPaperJson(lib, r.key, r.s);
      return {
        cursor: cursor?.value as SyncCursor | undefined,
        lib,
        presented: new Map((presented?.value as [string, string[]][] | undefined) ?? []),
        deferred: Array.isArray(deferred?.value) ? (deferred.value as unknown[]).filter((k): k is string => typeof k === 'string') : [],
      };
    },
    async save(cursor, lib, keys, presented, deferred = []) {
      const rows: StateRow[] = [];
      for (const k of keys) {
        const s = lib.papers.get(k);
        if (s) rows.push({ key: k, s: paperToJson(s) });
      }
      await db.transaction('rw', db.states, db.kv, async () => {
        await db.states.bulkPut(rows);
        await db.kv.bulkPut([
          { id: 'cursor', value: cursor },
          { id: 'presented', value: [...presented] },
          { id: 'deferred', value: [...deferred] },
        ]);
      });
    },
    async clear() {
      await db.transaction('rw', db.states, db.kv, async () => {
        await db.states.clear();
        await db.kv.clear();
      });
    },
  };
}
