// "Restore from the server as of a date" (lib/sync/restore.ts builds the version): it goes in as
// ordinary local changes of origin 'restore' — one write, validated, a change record per paper —
// so sync ships it to the other devices as the newest truth (not 'remote', which sync never ships).
import { highlightSchema } from '../paper/highlight';
import type { Paper } from '../paper/schema';
import type { PapershelfDB } from './db';
import { HIGHLIGHTS } from './highlights';
import { write } from './write';

/** The highlights of the version: put as they were (validated), removed where it has none. */
export interface RestoredHighlights {
  put: readonly unknown[];
  remove: readonly string[];
}

/**
 * Puts `papers` as they are given (their updatedAt becomes now) and removes `removed`, in one write.
 * `revived`: papers this library does not have, as the other devices last had them before they were
 * removed. Re-creating one alone would leave edits made there after the date standing (in the merge
 * an edit beats a create whatever the clocks), so a second write logs the differences from that
 * record too: every device then reads the restored version.
 * `highlights` go in the first write, each logged (an item op), so that they sync too; a value
 * the highlight schema refuses is skipped and counted.
 */
export async function restoreVersion(
  db: PapershelfDB,
  papers: Paper[],
  removed: string[],
  now = Date.now(),
  revived: ReadonlyMap<string, Paper> = new Map(),
  highlights: RestoredHighlights = { put: [], remove: [] },
): Promise<number> {
  let skipped = 0;
  const { records } = await write(
    db,
    'restore',
    async (w) => {
      for (const p of papers) w.put({ ...p, updatedAt: now });
      for (const key of removed) {
        const before = await w.get(key);
        if (before) w.delete(key, before);
      }
      for (const value of highlights.put) {
        const h = highlightSchema.safeParse(value);
        if (!h.success) {
          skipped++;
          continue;
        }
        await db.highlights.put(h.data);
        w.item(h.data.key, HIGHLIGHTS, h.data.id, h.data);
      }
      const gone = await db.highlights.bulkGet([...highlights.remove]);
      for (const h of gone) {
        if (!h) continue;
        await db.highlights.delete(h.id);
        w.item(h.key, HIGHLIGHTS, h.id, null);
      }
    },
    { now, also: [db.highlights] },
  );
  if (skipped) console.warn(`Restore: ${skipped} highlight(s) of the version were not valid and were skipped`);
  let count = records.length;
  const again = papers.filter((p) => revived.has(p.key));
  if (again.length) {
    const second = await write(
      db,
      'restore',
      async (w) => {
        for (const p of again) w.put({ ...p, updatedAt: now }, revived.get(p.key));
      },
      { now },
    );
    count += second.records.length;
  }
  return count;
}
