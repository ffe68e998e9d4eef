// Writes completions into the library, in one transaction with the record's current state (the
// user may have edited it while we were asking), and merges two records of one paper.
import type { PapershelfDB } from '../db/database';
import { findSaved } from '../db/papers';
import { allKeys } from '../paper/identity';
import { paperSchema, type Paper } from '../paper/schema';
import type { Completion } from './completion';
import { findSameWork } from './match';
import { applyCompletion, mergeRecords } from './merge';

const unchanged = (a: Paper, b: Paper) => JSON.stringify({ ...a, updatedAt: 0 }) === JSON.stringify({ ...b, updatedAt: 0 });

/** The other saved record of the same paper: by a shared identifier, else by title match. */
async function counterpart(db: PapershelfDB, p: Paper): Promise<Paper | undefined> {
  const keys = allKeys(p.ids);
  const byId = [...(await db.papers.bulkGet(keys)), ...(await db.papers.where('aliases').anyOf(keys).toArray())];
  const linked = byId.find((q) => q && q.key !== p.key);
  if (linked) return linked;
  return findSameWork(p, await db.papers.toArray());
}

/** Applies `completions` to the record saved under `key`; returns the keys whose state changed. */
export async function writeCompletions(db: PapershelfDB, key: string, completions: Completion[], now: number): Promise<string[]> {
  return db.transaction('rw', db.papers, async () => {
    const saved = await findSaved(db, [key]);
    if (!saved) return [];
    let next = completions.reduce(applyCompletion, saved);
    // What a service said must still make a valid record; if not, keep the record as it was.
    if (!paperSchema.safeParse(next).success) next = saved;
    const other = await counterpart(db, next);
    if (other) {
      const merged = mergeRecords(next, other, now);
      await db.papers.bulkDelete([next.key, other.key]);
      await db.papers.put(merged);
      return [...new Set([merged.key, ...merged.aliases])];
    }
    if (unchanged(saved, next)) return [];
    await db.papers.put({ ...next, updatedAt: now });
    return [next.key, ...next.aliases];
  });
}
