// Library commands: every write to the papers table goes through here, inside transactions,
// field by field, so concurrent edits from tabs and the popup never overwrite each other.
import { allKeys } from '../paper/identity';
import { newPaper, type Paper, type PaperMeta, type ReadingStatus } from '../paper/schema';
import type { PapershelfDB } from './database';

/** The saved record for any of `keys` (canonical or alias), if there is one. */
export async function findSaved(db: PapershelfDB, keys: string[]): Promise<Paper | undefined> {
  const direct = (await db.papers.bulkGet(keys)).find(Boolean);
  if (direct) return direct;
  return db.papers.where('aliases').anyOf(keys).first();
}

// The one merge of two records and the tag rules live in lib/paper (pure, shared with imports).
import { mergeMeta } from '../paper/merge';
import { normalizeTags } from '../paper/tags';
export { mergeMeta, normalizeTags };

/**
 * The records a save of `metas` writes (`write`: each once) and, in order, the record each meta
 * ends up in (`out`). Reads only: call inside a read-write transaction on papers, then put.
 */
export async function planSave(db: PapershelfDB, metas: PaperMeta[], now: number): Promise<{ out: Paper[]; write: Paper[] }> {
  // Two reads for the whole batch (a listing's "Save all"), not two per paper.
  const keysOf = metas.map((m) => [...new Set([m.key, ...allKeys(m.ids)])]);
  const wanted = [...new Set(keysOf.flat())];
  const byKey = new Map<string, Paper>();
  // Both reads in flight at once (one round trip to the database, not two).
  const [direct, aliased] = await Promise.all([db.papers.bulkGet(wanted), db.papers.where('aliases').anyOf(wanted).toArray()]);
  direct.forEach((p, i) => p && byKey.set(wanted[i], p));
  for (const p of aliased) {
    for (const a of p.aliases) if (!byKey.has(a)) byKey.set(a, p);
  }
  const written = new Map<string, Paper>();
  const out: Paper[] = [];
  metas.forEach((meta, i) => {
    const hit = keysOf[i].map((k) => byKey.get(k)).find(Boolean);
    const saved = hit && (written.get(hit.key) ?? hit);
    let record: Paper;
    if (saved) {
      record = mergeMeta(saved, meta);
      record.updatedAt = now;
    } else {
      record = newPaper(meta, now);
      record.aliases = allKeys(meta.ids).filter((k) => k !== meta.key);
    }
    written.set(record.key, record);
    // The same paper twice in one batch merges into one record.
    for (const k of [record.key, ...record.aliases]) byKey.set(k, record);
    out.push(record);
  });
  return { out, write: [...written.values()] };
}

export async function savePapers(db: PapershelfDB, metas: PaperMeta[], now = Date.now()): Promise<Paper[]> {
  return db.transaction('rw', db.papers, async () => {
    const { out, write } = await planSave(db, metas, now);
    await db.papers.bulkPut(write);
    return out;
  });
}

export async function removePapers(db: PapershelfDB, keys: string[]): Promise<Paper[]> {
  return db.transaction('rw', db.papers, async () => {
    const removed: Paper[] = [];
    for (const key of keys) {
      const saved = await findSaved(db, [key]);
      if (!saved) continue;
      await db.papers.delete(saved.key);
      removed.push(saved);
    }
    return removed;
  });
}

/** Puts back records exactly as they were (undo of a removal). */
export async function restorePapers(db: PapershelfDB, papers: Paper[]): Promise<void> {
  await db.papers.bulkPut(papers);
}

export type PaperPatch = Partial<Pick<Paper, 'note' | 'status' | 'starred' | 'tags' | 'citationKey' | 'citationKeyPinned'>>;

/** Field-level update inside a transaction: only the named fields change. */
export async function updatePaper(db: PapershelfDB, key: string, patch: PaperPatch, now = Date.now()): Promise<Paper | undefined> {
  return db.transaction('rw', db.papers, async () => {
    const saved = await db.papers.get(key);
    if (!saved) return undefined;
    const next: Paper = { ...saved, ...patch, updatedAt: now };
    if (patch.tags) next.tags = normalizeTags(patch.tags);
    await db.papers.put(next);
    return next;
  });
}

export async function setStatus(db: PapershelfDB, keys: string[], status: ReadingStatus): Promise<void> {
  await db.transaction('rw', db.papers, async () => {
    const now = Date.now();
    await db.papers.where('key').anyOf(keys).modify((p) => {
      p.status = status;
      p.updatedAt = now;
    });
  });
}

export async function addTags(db: PapershelfDB, keys: string[], tags: string[]): Promise<void> {
  await db.transaction('rw', db.papers, async () => {
    const now = Date.now();
    await db.papers.where('key').anyOf(keys).modify((p) => {
      p.tags = normalizeTags([...p.tags, ...tags]);
      p.updatedAt = now;
    });
  });
}

/** Which of `keys` are saved: a key counts when it is a record's key or one of its aliases. */
export async function savedAmong(db: PapershelfDB, keys: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (!keys.length) return out;
  const direct = await db.papers.where('key').anyOf(keys).primaryKeys();
  for (const k of direct) out.add(k);
  const viaAlias = await db.papers.where('aliases').anyOf(keys).toArray();
  const wanted = new Set(keys);
  for (const p of viaAlias) for (const a of p.aliases) if (wanted.has(a)) out.add(a);
  return out;
}

/** Rewrites a note from its current text inside one transaction (appending a quote loses nothing saved meanwhile). */
export async function editNote(db: PapershelfDB, key: string, edit: (note: string) => string, now = Date.now()): Promise<Paper | undefined> {
  return db.transaction('rw', db.papers, async () => {
    const saved = await findSaved(db, [key]);
    if (!saved) return undefined;
    const next: Paper = { ...saved, note: edit(saved.note), updatedAt: now };
    await db.papers.put(next);
    return next;
  });
}

/**
 * Applies a tag editor's change as a difference (added, removed) to the tags stored now: a tag
 * that another tab or a bulk action added meanwhile stays. (Writing the editor's whole list would
 * drop it.)
 */
export async function changeTags(db: PapershelfDB, key: string, add: string[], remove: string[], now = Date.now()): Promise<Paper | undefined> {
  return db.transaction('rw', db.papers, async () => {
    const saved = await findSaved(db, [key]);
    if (!saved) return undefined;
    const drop = new Set(remove);
    const next: Paper = { ...saved, tags: normalizeTags([...saved.tags.filter((t) => !drop.has(t)), ...add]), updatedAt: now };
    await db.papers.put(next);
    return next;
  });
}
