// Queries on the papers table that the library's commands build on (lib/library writes; this
// module only reads).
import { allKeys } from '../paper/identity';
import { newPaper, type Paper, type PaperMeta } from '../paper/schema';
import { mergeMeta } from '../paper/merge';
import { normalizeTags } from '../paper/tags';
import type { PapershelfDB } from './database';

export { normalizeTags };
export { mergeMeta };

/** The saved record for any of `keys` (canonical or alias), if there is one. */
export async function findSaved(db: PapershelfDB, keys: string[]): Promise<Paper | undefined> {
  const direct = (await db.papers.bulkGet(keys)).find(Boolean);
  if (direct) return direct;
  return db.papers.where('aliases').anyOf(keys).first();
}

/**
 * The records a save of `metas` writes (`write`: each once), in order the record each meta ends
 * up in (`out`), and the stored records they replace (`before`, by key). Reads only: call inside
 * a read-write transaction on papers, then put.
 */
export async function planSave(
  db: PapershelfDB,
  metas: PaperMeta[],
  now: number,
): Promise<{ out: Paper[]; write: Paper[]; before: Map<string, Paper> }> {
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
  const before = new Map<string, Paper>();
  const out: Paper[] = [];
  metas.forEach((meta, i) => {
    const hit = keysOf[i].map((k) => byKey.get(k)).find(Boolean);
    const saved = hit && (written.get(hit.key) ?? hit);
    let record: Paper;
    if (hit && !before.has(hit.key)) before.set(hit.key, hit);
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
  return { out, write: [...written.values()], before };
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
