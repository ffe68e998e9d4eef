// The one IndexedDB database. Opened only by the background and extension pages: a content
// script's IndexedDB would belong to the page it runs in.
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { ChangeRecord } from '../paper/changes';
import type { Paper } from '../paper/schema';

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
  // 3: the change log (every write's field-level operations, for sync), per-device bookkeeping
  // (device id, last clock, the baseline mark) and highlights. Papers are untouched: an existing
  // library gets no history, only a baseline mark (see upgradeToV3).
  3: {
    papers: '&key, *tags, status, addedAt, updatedAt, *aliases, year',
    queue: '&key, due',
    cache: '&url, at',
    changes: '++seq, key, hlc',
    meta: '&id',
    highlights: '&id, key, updatedAt',
  },
  // 4: triage's dismissals, moved here from the seen ledger so that sync carries them (an `item`
  // of the change log). Keyed by the dismissed key, with the other keys it was shown under.
  4: {
    papers: '&key, *tags, status, addedAt, updatedAt, *aliases, year',
    queue: '&key, due',
    cache: '&url, at',
    changes: '++seq, key, hlc',
    meta: '&id',
    highlights: '&id, key, updatedAt',
    dismissals: '&key, *aliases',
  },
};

/** A row of the `meta` table: `device` (this library's device id), `clock` (the last clock issued or heard), `baseline`. */
export interface MetaRow {
  id: string;
  value: unknown;
}

/** What the change log's baseline mark says: the papers as they were at `at` make no history. */
export interface Baseline {
  at: number;
  count: number;
}

export class PapershelfDB extends Dexie {
  papers!: EntityTable<Paper, 'key'>;
  queue!: EntityTable<EnrichJob, 'key'>;
  cache!: EntityTable<CachedResponse, 'url'>;
  changes!: EntityTable<ChangeRecord, 'seq'>;
  meta!: EntityTable<MetaRow, 'id'>;
  highlights!: EntityTable<StoredHighlight, 'id'>;
  dismissals!: EntityTable<StoredDismissal, 'key'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(schemaVersions[1]);
    this.version(2).stores(schemaVersions[2]);
    this.version(3).stores(schemaVersions[3]).upgrade(upgradeToV3);
    this.version(4).stores(schemaVersions[4]);
  }
}

/** An existing library's papers are its baseline: the log starts empty, marked as of now. */
async function upgradeToV3(tx: Transaction): Promise<void> {
  const count = await tx.table('papers').count();
  await tx.table('meta').put({ id: 'baseline', value: { at: Date.now(), count } satisfies Baseline });
}

/** A highlight as stored (validated by lib/library/highlights.ts before it is written). */
export interface StoredHighlight {
  id: string;
  /** The paper's canonical key. */
  key: string;
  updatedAt: number;
  [field: string]: unknown;
}

/** A dismissal as stored (lib/library/dismissals.ts): a paper's key, saved or not. */
export interface StoredDismissal {
  key: string;
  /** The other keys the entry carried (its DOI of an arXiv id…): a listing under one of them matches too. */
  aliases: string[];
  /** When it was dismissed (wall clock of the device that did it). */
  at: number;
  device: string;
}
