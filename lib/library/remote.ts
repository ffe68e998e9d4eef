// What sync needs of the library, over the database: the change log to read, and applyRemote —
// the merged records of other devices' changes, written through the one writer (origin
// 'remote', so sync does not ship them again). lib/sync's LibraryPort is this shape; lib/library
// sits below lib/sync, so the types are restated here rather than imported.
import type { ChangeOp, ChangeRecord } from '../paper/changes';
import type { Paper } from '../paper/schema';
import { markShipped } from './compact';
import type { PapershelfDB } from './db';
import { deviceId, write } from './write';

/** A merged record from sync: the paper as every device now has it. */
export interface RemotePaper {
  paper: Paper;
}

type Logged = ChangeRecord & { seq: number };

const same = (a: Paper, b: Paper) => {
  const { updatedAt: _a, ...x } = a;
  const { updatedAt: _b, ...y } = b;
  return JSON.stringify(Object.entries(x).sort()) === JSON.stringify(Object.entries(y).sort());
};

/**
 * Writes sync's merged records (null: the key is no longer a live paper here) in one write.
 * `wall`: the newest remote clock's wall time, so this device's later clocks come after every
 * change it has seen, even with its own clock behind. Returns, per key whose note or record it
 * created or rewrote, the clock of the change record it logged: what a later note edit here
 * names as `prev`.
 */
export async function applyRemote(db: PapershelfDB, updates: Map<string, RemotePaper | null>, wall: number): Promise<Map<string, string>> {
  const now = Math.max(Date.now(), wall);
  const { records } = await write(
    db,
    'remote',
    async (w) => {
      for (const [key, m] of updates) {
        const before = await w.get(key);
        if (!m) {
          if (before) w.delete(key, before);
          continue;
        }
        const next: Paper = { ...m.paper, updatedAt: before ? Math.max(before.updatedAt, now) : m.paper.updatedAt };
        if (before && same(before, next)) continue;
        w.put(next, before ?? null);
      }
    },
    { now },
  );
  const clocks = new Map<string, string>();
  for (const r of records) if (r.ops.some((o: ChangeOp) => o.op === 'note' || o.op === 'create')) clocks.set(r.key, r.hlc);
  return clocks;
}

/** The port lib/sync's engine runs on. */
export function syncPort(db: PapershelfDB) {
  return {
    deviceId: () => deviceId(db),
    allPapers: () => db.papers.toArray(),
    async lastSeq(): Promise<number> {
      return (await db.changes.orderBy('seq').last())?.seq ?? 0;
    },
    async changes(after: number, limit: number): Promise<Logged[]> {
      return (await db.changes.where('seq').above(after).limit(limit).toArray()) as Logged[];
    },
    applyRemote: (updates: Map<string, RemotePaper | null>, wall: number) => applyRemote(db, updates, wall),
    markShipped: (seq: number) => markShipped(db, seq),
  };
}
