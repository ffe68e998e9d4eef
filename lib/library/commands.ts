// The library's commands: every change the extension's pages, background and services make to
// the papers. Each runs through `write` (lib/library/write.ts): one transaction, validated,
// logged field by field in the change log, and signalled to every tab once committed.
import type { PapershelfDB } from '../db/database';
import { planSave } from '../db/papers';
import { enqueue } from '../db/queue';
import { normalizeTags } from '../paper/tags';
import type { Paper, PaperMeta, ReadingStatus } from '../paper/schema';
import { write } from './write';

export async function save(db: PapershelfDB, metas: PaperMeta[], now = Date.now()): Promise<Paper[]> {
  // One transaction, one commit: the papers and their completion jobs (the background drains the
  // queue on the change signal, after the save has returned). The queue rows of the papers' keys
  // are read with the papers' look-ups, and both tables are written at once.
  const { result } = await write(
    db,
    'save',
    async (w) => {
      const keys = [...new Set(metas.map((m) => m.key))];
      const [plan, rows] = await Promise.all([planSave(db, metas, now), db.queue.bulkGet(keys)]);
      const known = new Map(keys.map((k, i) => [k, rows[i]]));
      for (const r of plan.write) w.put(r, plan.before.get(r.key) ?? null);
      await enqueue(
        db,
        plan.out.map((p) => p.key),
        now,
        undefined,
        known,
      );
      return plan.out;
    },
    { also: [db.queue], now },
  );
  return result;
}

export async function remove(db: PapershelfDB, keys: string[]): Promise<Paper[]> {
  const { result } = await write(db, 'remove', async (w) => {
    const removed: Paper[] = [];
    for (const key of keys) {
      const saved = await w.find([key]);
      if (!saved) continue;
      w.delete(saved.key, saved);
      removed.push(saved);
    }
    return removed;
  });
  return result;
}

/** Puts back records exactly as they were (undo of a removal). */
export async function restore(db: PapershelfDB, papers: Paper[]): Promise<void> {
  await write(db, 'restore', async (w) => {
    for (const p of papers) w.put(p);
  });
}

export type PaperPatch = Partial<Pick<Paper, 'note' | 'status' | 'starred' | 'tags' | 'citationKey' | 'citationKeyPinned'>>;

/** Changes one record (found by its key or an alias) from its state inside the transaction. */
async function editOne(db: PapershelfDB, key: string, change: (p: Paper) => Paper, now: number): Promise<Paper | undefined> {
  const { result } = await write(
    db,
    'edit',
    async (w) => {
      const saved = await w.find([key]);
      if (!saved) return undefined;
      const next: Paper = { ...change(saved), updatedAt: now };
      w.put(next, saved);
      return next;
    },
    { now },
  );
  return result;
}

/** Field-level update: only the named fields change. */
export function update(db: PapershelfDB, key: string, patch: PaperPatch, now = Date.now()): Promise<Paper | undefined> {
  return editOne(db, key, (p) => ({ ...p, ...patch, ...(patch.tags ? { tags: normalizeTags(patch.tags) } : {}) }), now);
}

/** Rewrites a note from its current text (appending a quote loses nothing saved meanwhile). */
export function editNote(db: PapershelfDB, key: string, edit: (note: string) => string, now = Date.now()): Promise<Paper | undefined> {
  return editOne(db, key, (p) => ({ ...p, note: edit(p.note) }), now);
}

/**
 * Applies a tag editor's change as a difference (added, removed) to the tags stored now: a tag
 * that another tab or a bulk action added meanwhile stays. (Writing the editor's whole list would
 * drop it.)
 */
export function changeTags(db: PapershelfDB, key: string, add: string[], drop: string[], now = Date.now()): Promise<Paper | undefined> {
  const gone = new Set(drop);
  return editOne(db, key, (p) => ({ ...p, tags: normalizeTags([...p.tags.filter((t) => !gone.has(t)), ...add]) }), now);
}

async function modifyEach(db: PapershelfDB, keys: string[], change: (p: Paper) => Paper): Promise<void> {
  await write(db, 'edit', async (w) => {
    const rows = await db.papers.bulkGet(keys);
    for (const p of rows) if (p) w.put(change(p), p);
  });
}

export async function setStatus(db: PapershelfDB, keys: string[], status: ReadingStatus, now = Date.now()): Promise<void> {
  await modifyEach(db, keys, (p) => ({ ...p, status, updatedAt: now }));
}

export async function addTags(db: PapershelfDB, keys: string[], tags: string[], now = Date.now()): Promise<void> {
  await modifyEach(db, keys, (p) => ({ ...p, tags: normalizeTags([...p.tags, ...tags]), updatedAt: now }));
}

/** Stores citation keys given for the first time (an export's); a key stored meanwhile stays. */
export async function assignCitationKeys(db: PapershelfDB, assigned: ReadonlyMap<string, string>): Promise<void> {
  if (!assigned.size) return;
  await write(db, 'citekey', async (w) => {
    const rows = await db.papers.bulkGet([...assigned.keys()]);
    for (const p of rows) if (p && !p.citationKey) w.put({ ...p, citationKey: assigned.get(p.key)! }, p);
  });
}
