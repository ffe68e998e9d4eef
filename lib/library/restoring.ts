// "Restore from the server as of a date" (lib/sync/restore.ts builds the version): it goes in as
// ordinary local changes of origin 'restore' — one write, validated, a change record per paper —
// so sync ships it to the other devices as the newest truth (not 'remote', which sync never ships).
import type { Paper } from '../paper/schema';
import type { PapershelfDB } from './db';
import { write } from './write';

/** Puts `papers` as they are given (their updatedAt becomes now) and removes `removed`, in one write. */
export async function restoreVersion(db: PapershelfDB, papers: Paper[], removed: string[], now = Date.now()): Promise<number> {
  const { records } = await write(
    db,
    'restore',
    async (w) => {
      for (const p of papers) w.put({ ...p, updatedAt: now });
      for (const key of removed) {
        const before = await w.get(key);
        if (before) w.delete(key, before);
      }
    },
    { now },
  );
  return records.length;
}
