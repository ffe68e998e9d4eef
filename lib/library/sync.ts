// Keeps an in-memory copy of the library in step with IndexedDB, cheaply: one live query reads
// the primary keys (for additions and removals) and the records updated since the last look.
import { liveQuery, type Subscription } from 'dexie';
import type { PapershelfDB } from '../db/database';
import type { Paper } from '../paper/schema';

export interface LibraryDelta {
  /** True for the first, complete load. */
  initial: boolean;
  upserted: Paper[];
  removed: string[];
}

const PAGE = 2000;

/** The whole table in pages: other queries (the popup's first rows) get in between. */
async function readAll(db: PapershelfDB): Promise<Paper[]> {
  const out: Paper[] = [];
  for (let last: string | undefined; ; ) {
    const page = await (last === undefined ? db.papers.orderBy(':id') : db.papers.where(':id').above(last)).limit(PAGE).toArray();
    out.push(...page);
    if (page.length < PAGE) return out;
    last = page[page.length - 1].key;
  }
}

export function syncLibrary(db: PapershelfDB, onDelta: (d: LibraryDelta) => void, onError: (e: Error) => void): Subscription {
  const known = new Map<string, number>(); // key → updatedAt
  let since = -Infinity;
  let first = true;
  type Result = { kind: 'all'; all: Paper[] } | { kind: 'delta'; present: Set<string>; changed: Paper[] };
  return liveQuery(async (): Promise<Result> => {
    if (first) return { kind: 'all', all: await readAll(db) };
    const [keys, changed] = await Promise.all([
      db.papers.toCollection().primaryKeys(),
      db.papers.where('updatedAt').aboveOrEqual(since).toArray(),
    ]);
    const present = new Set(keys);
    const fresh = keys.filter((k) => !known.has(k) && !changed.some((c) => c.key === k));
    const restored = (await db.papers.bulkGet(fresh)).filter((p): p is Paper => !!p);
    return { kind: 'delta', present, changed: [...changed, ...restored] };
  }).subscribe({
    next(result) {
      if (result.kind === 'all') {
        first = false;
        for (const p of result.all) {
          known.set(p.key, p.updatedAt);
          if (p.updatedAt > since) since = p.updatedAt;
        }
        onDelta({ initial: true, upserted: result.all, removed: [] });
        return;
      }
      const removed = [...known.keys()].filter((k) => !result.present.has(k));
      for (const k of removed) known.delete(k);
      // Records at the `since` boundary come back each time: re-applying them is harmless.
      const upserted = result.changed;
      for (const p of upserted) {
        known.set(p.key, p.updatedAt);
        if (p.updatedAt > since) since = p.updatedAt;
      }
      if (upserted.length || removed.length) onDelta({ initial: false, upserted, removed });
    },
    error: (e: unknown) => onError(e instanceof Error ? e : new Error(String(e))),
  });
}
