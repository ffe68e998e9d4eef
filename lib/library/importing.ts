// Committing an import: planned against the library as it is inside one transaction, so that
// an edit made meanwhile in the popup is merged rather than overwritten, and all or nothing lands.
import type { PapershelfDB } from '../db/database';
import { planImport, type ImportPlan } from '../formats/import/plan';
import type { PaperCandidate } from '../formats/import/candidate';
import { announceChange } from '../messaging/changes';
import { write } from './write';

export async function previewImport(db: PapershelfDB, candidates: PaperCandidate[], now = Date.now()): Promise<ImportPlan> {
  return planImport(await db.papers.toArray(), candidates, now);
}

export async function applyImport(db: PapershelfDB, candidates: PaperCandidate[], now = Date.now()): Promise<ImportPlan> {
  const { result: plan } = await write(
    db,
    'import',
    async (w) => {
      const p = planImport(await db.papers.toArray(), candidates, now);
      // Each record is validated as it is put; one invalid record aborts the whole import.
      for (const r of p.add) w.put(r, null);
      for (const u of p.update) w.put(u.after, u.before);
      return p;
    },
    { now, quiet: true },
  );
  // One signal for the whole import ("anything may have changed"), not a list of 10,000 keys.
  await announceChange([]);
  return plan;
}
