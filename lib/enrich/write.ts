// Writes completions into the library, in one transaction with the record's current state (the
// user may have edited it while we were asking), and merges two records of one paper.
import type { PapershelfDB } from '../library/db';
import { write } from '../library/write';
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
  const { result } = await write(
    db,
    'completion',
    async (w) => {
      const saved = await w.find([key]);
      if (!saved) return [];
      let next = completions.reduce(applyCompletion, saved);
      // What a service said must still make a valid record; if not, keep the record as it was.
      if (!paperSchema.safeParse(next).success) next = saved;
      const other = await counterpart(db, next);
      if (other) {
        const merged = mergeRecords(next, other, now);
        const absorbed = merged.key === next.key ? other : next;
        w.delete(absorbed.key, absorbed.key === saved.key ? saved : other);
        w.merged(absorbed.key, merged.key);
        w.put(merged, merged.key === saved.key ? saved : other);
        return [...new Set([merged.key, ...merged.aliases])];
      }
      if (unchanged(saved, next)) return [];
      w.put({ ...next, updatedAt: now }, saved);
      return [next.key, ...next.aliases];
    },
    // The run announces the keys it changed itself (one signal per batch of look-ups).
    { now, quiet: true },
  );
  return result;
}
