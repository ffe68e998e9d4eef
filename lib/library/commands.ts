// Library writes as the extension's pages and background use them: the database command,
// then the change signal that keeps inline buttons in every tab up to date.
import { announceSoon } from '../messaging/changes';
import type { Paper, PaperMeta } from '../paper/schema';
import type { PapershelfDB } from '../db/database';
import * as cmd from '../db/papers';
import { enqueue } from '../enrich/queue';

export async function save(db: PapershelfDB, metas: PaperMeta[]): Promise<Paper[]> {
  const now = Date.now();
  // One transaction, one commit: the papers and their completion jobs (the background drains the
  // queue on the change signal, after the save has returned). The queue rows of the papers' keys
  // are read with the papers' look-ups, and both tables are written at once: two round trips to
  // the database instead of four.
  const saved = await db.transaction('rw', db.papers, db.queue, async () => {
    const keys = [...new Set(metas.map((m) => m.key))];
    const [plan, rows] = await Promise.all([cmd.planSave(db, metas, now), db.queue.bulkGet(keys)]);
    const known = new Map(keys.map((k, i) => [k, rows[i]]));
    await Promise.all([db.papers.bulkPut(plan.write), enqueue(db, plan.out.map((p) => p.key), now, undefined, known)]);
    return plan.out;
  });
  announceSoon(saved.flatMap((p) => [p.key, ...p.aliases]));
  return saved;
}

export async function remove(db: PapershelfDB, keys: string[]): Promise<Paper[]> {
  const removed = await cmd.removePapers(db, keys);
  announceSoon(removed.flatMap((p) => [p.key, ...p.aliases]));
  return removed;
}

export async function restore(db: PapershelfDB, papers: Paper[]): Promise<void> {
  await cmd.restorePapers(db, papers);
  announceSoon(papers.flatMap((p) => [p.key, ...p.aliases]));
}

export async function update(db: PapershelfDB, key: string, patch: cmd.PaperPatch): Promise<Paper | undefined> {
  return cmd.updatePaper(db, key, patch);
}
