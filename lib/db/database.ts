// The one IndexedDB database. Opened only by the background and extension pages: a content
// script's IndexedDB would belong to the page it runs in.
import { Dexie, type EntityTable } from 'dexie';
import type { Paper } from '../paper/schema';
import { keepFirstRows } from '../library/firstRows';

export const DB_NAME = 'papershelf';

/** A paper waiting for (or done with) metadata completion; see lib/enrich/queue.ts. */
export interface EnrichJob {
  key: string;
  /** When the job may run next; absent once done (so done jobs stay out of the `due` index). */
  due?: number;
  attempts: number;
  doneAt?: number;
}

/** A response body cached by URL (lib/enrich/http.ts), so retries and re-saves ask no one twice. */
export interface CachedResponse {
  url: string;
  at: number;
  body: string;
  /** 200, or 404 ("not known there" is worth remembering too). */
  status?: number;
}

/** Schema history. Never edit a past version: add a new one with its upgrade and a test. */
export const schemaVersions: Record<number, Record<string, string>> = {
  1: { papers: '&key, *tags, status, addedAt, updatedAt, *aliases, year' },
  // 2: metadata completion — its persistent queue and response cache. Papers are untouched.
  2: { papers: '&key, *tags, status, addedAt, updatedAt, *aliases, year', queue: '&key, due', cache: '&url, at' },
};

export class PapershelfDB extends Dexie {
  papers!: EntityTable<Paper, 'key'>;
  queue!: EntityTable<EnrichJob, 'key'>;
  cache!: EntityTable<CachedResponse, 'url'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(schemaVersions[1]);
    this.version(2).stores(schemaVersions[2]);
  }
}

let shared: PapershelfDB | undefined;

/**
 * The database of this extension context (created on first use). Its writes to the papers keep
 * the popup's first rows (lib/library/firstRows.ts) up to date, whichever context makes them.
 */
export function getDb(): PapershelfDB {
  if (!shared) {
    shared = new PapershelfDB();
    keepFirstRows(shared);
  }
  return shared;
}
