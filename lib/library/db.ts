// The library's database as the rest of the extension sees it. lib/db is internal to
// lib/library (lint forbids importing it elsewhere); reads go through the table objects, and
// every write to the papers through lib/library's commands (a test refuses any other).
import { PapershelfDB } from '../db/database';
import { keepFirstRows } from './firstRows';
import { keepHighlightMirror } from './highlightMirror';

export {
  PapershelfDB,
  DB_NAME,
  schemaVersions,
  type EnrichJob,
  type CachedResponse,
  type StoredHighlight,
  type StoredDismissal,
  type MetaRow,
} from '../db/database';
export { findSaved, savedAmong } from '../db/papers';
export { enqueue, REFRESH_MS } from '../db/queue';
export { describeDbError } from '../db/errors';

let shared: PapershelfDB | undefined;

/**
 * The database of this extension context (opened on first use), with what every context that
 * writes needs: its writes to the papers keep the popup's first rows up to date
 * (lib/library/firstRows.ts) and the highlights' mirror in storage.local
 * (lib/library/highlightMirror.ts), whichever context makes them.
 */
export function openLibrary(): PapershelfDB {
  if (!shared) {
    shared = new PapershelfDB();
    keepFirstRows(shared);
    keepHighlightMirror(shared);
  }
  return shared;
}
