// Dismissals moved from the seen ledger ('papershelf-seen', table `dismissed`) to the library,
// where sync carries them: the old rows go in once, through the library's writer (origin
// 'migrate'), with the aliases the ledger knows for their keys; then the old table is emptied.
// Run again after a stop between the two, it writes nothing new (a dismissal already in the
// library, as recent, is kept as it is).
import type { PapershelfDB } from '../library/db';
import { importDismissals, MAX_DISMISSAL_ALIASES } from '../library/dismissals';
import type { SeenDB } from './store';

const done = new WeakMap<SeenDB, Promise<number>>();

async function move(seen: SeenDB, db: PapershelfDB): Promise<number> {
  const old = await seen.dismissed.toArray();
  if (!old.length) return 0;
  const records = await seen.seen.bulkGet(old.map((d) => d.key));
  const moved = await importDismissals(
    db,
    old.map((d, i) => ({ key: d.key, aliases: (records[i]?.aliases ?? []).slice(0, MAX_DISMISSAL_ALIASES), at: d.at, device: d.device })),
    'migrate',
  );
  await seen.dismissed.bulkDelete(old.map((d) => d.key));
  return moved;
}

/** Moves the ledger's old dismissals into the library, once per ledger (a failure is tried again next time). */
export function migrateDismissals(seen: SeenDB, db: PapershelfDB): Promise<number> {
  let p = done.get(seen);
  if (!p) {
    p = move(seen, db);
    done.set(seen, p);
    p.catch(() => done.delete(seen));
  }
  return p;
}
