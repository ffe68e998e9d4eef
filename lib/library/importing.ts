// Committing an import: planned against the library as it is inside one transaction, so that
// an edit made meanwhile in the popup is merged rather than overwritten, and all or nothing lands.
import type { PapershelfDB } from '../db/database';
import { planImport, type ImportPlan } from '../formats/import/plan';
import type { PaperCandidate } from '../formats/import/candidate';
import { announceChange } from '../messaging/changes';
import { paperSchema } from '../paper/schema';

export async function previewImport(db: PapershelfDB, candidates: PaperCandidate[], now = Date.now()): Promise<ImportPlan> {
  return planImport(await db.papers.toArray(), candidates, now);
}

export async function applyImport(db: PapershelfDB, candidates: PaperCandidate[], now = Date.now()): Promise<ImportPlan> {
  const plan = await db.transaction('rw', db.papers, async () => {
    const p = planImport(await db.papers.toArray(), candidates, now);
    const records = [...p.add, ...p.update.map((u) => u.after)];
    for (const r of records) {
      const ok = paperSchema.safeParse(r);
      // Throwing aborts the transaction: nothing is written.
      if (!ok.success) throw new Error(`“${r.title.slice(0, 80)}” (${r.key}) is not a valid record: ${ok.error.issues[0]?.message ?? 'invalid'}`);
    }
    await db.papers.bulkPut(records);
    return p;
  });
  await announceChange([]);
  return plan;
}
