// Bundled as an IIFE and evaluated inside extension pages (options, popup): seeds the library
// straight into IndexedDB and times the parts of the popup's first load. Raw IndexedDB on
// purpose: the records are those lib/db writes, and the page's own Dexie stays untouched.
import { DB_NAME } from '../../lib/db/database';
import { FIRST_ROWS_KEY, toRows } from '../../lib/library/firstRows';
import { mirrorItems } from '../../lib/library/highlightMirror';
import { readBack } from '../../lib/library/highlights';
import type { Paper } from '../../lib/paper/schema';
import { generatePapers } from '../../lib/search/generate';
import { createSearchIndex } from '../../lib/search/index';

const STORE = 'papers';

async function open(): Promise<IDBDatabase> {
  // Opening without a version would create an empty database if Dexie had not made it yet.
  if (!(await indexedDB.databases()).some((d) => d.name === DB_NAME)) throw new Error('the extension has not created its database yet');
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}

/** Writes records in one transaction; ms until it has committed. */
async function put(records: Paper[]): Promise<number> {
  const db = await open();
  const t = performance.now();
  const tx = db.transaction(STORE, 'readwrite');
  const store = tx.objectStore(STORE);
  for (const r of records) store.put(r);
  await done(tx);
  const ms = performance.now() - t;
  db.close();
  return ms;
}

async function getAll(): Promise<Paper[]> {
  const db = await open();
  const req = db.transaction(STORE).objectStore(STORE).getAll();
  const all = await new Promise<Paper[]>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as Paper[]);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return all;
}

async function clear(): Promise<void> {
  const db = await open();
  const tx = db.transaction(STORE, 'readwrite');
  tx.objectStore(STORE).clear();
  await done(tx);
  db.close();
}

declare const chrome: typeof import('wxt/browser').browser;

/**
 * Seeds `count` papers. The extension's own writes keep the popup's first rows ready in
 * storage.session (lib/library/firstRows.ts); these raw writes store them the same way after.
 */
async function seed(count: number): Promise<number> {
  const papers = generatePapers(count);
  for (let i = 0; i < papers.length; i += 5000) await put(papers.slice(i, i + 5000));
  const newest = [...papers].sort((a, b) => b.addedAt - a.addedAt);
  await chrome.storage.session.set({ [FIRST_ROWS_KEY]: toRows(newest) });
  return papers.length;
}

/** The popup's first load in parts: reading every record, then building the search index. */
async function profile(): Promise<{ readMs: number; indexMs: number; count: number }> {
  let t = performance.now();
  const all = await getAll();
  const readMs = performance.now() - t;
  t = performance.now();
  const index = createSearchIndex(all);
  const indexMs = performance.now() - t;
  return { readMs, indexMs, count: index.size };
}

/**
 * One paper and its highlights, raw (the highlight benchmark's page finds them stored), and
 * their mirror in storage.local as the library's own writes keep it (lib/library/highlightMirror.ts).
 */
async function putHighlights(paper: Paper, highlights: unknown[]): Promise<void> {
  const db = await open();
  const tx = db.transaction([STORE, 'highlights'], 'readwrite');
  tx.objectStore(STORE).put(paper);
  for (const h of highlights) tx.objectStore('highlights').put(h);
  await done(tx);
  db.close();
  await chrome.storage.local.set(mirrorItems([paper], new Map([[paper.key, readBack(highlights)]])).set);
}

(globalThis as Record<string, unknown>).__benchPage = { seed, put, getAll, clear, profile, putHighlights };
