// The one IndexedDB database. Opened only by the background and extension pages: a content
// script's IndexedDB would belong to the page it runs in.
import { Dexie, type EntityTable } from 'dexie';
import type { Paper } from '../paper/schema';

export const DB_NAME = 'papershelf';

/** Schema history. Never edit a past version: add a new one with its upgrade and a test. */
export const schemaVersions: Record<number, Record<string, string>> = {
  1: { papers: '&key, *tags, status, addedAt, updatedAt, *aliases, year' },
};

export class PapershelfDB extends Dexie {
  papers!: EntityTable<Paper, 'key'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(schemaVersions[1]);
  }
}

let shared: PapershelfDB | undefined;

/** The database of this extension context (created on first use). */
export function getDb(): PapershelfDB {
  shared ??= new PapershelfDB();
  return shared;
}
