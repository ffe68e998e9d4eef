// The one write path. Every change to the papers (and to what hangs off them, like highlights)
// runs inside `write`: one read-write transaction that (a) validates each record, (b) writes it,
// (c) appends a change record per paper to the append-only `changes` table — field-level
// operations diffed from the record as it was, a hybrid logical clock and this device's id —
// and, once committed, (d) sends the change signal that keeps every tab's controls in step.
import type { Table } from 'dexie';
import type { PapershelfDB } from '../db/database';
import { diffRecords, type ChangeOp, type ChangeOrigin, type ChangeRecord } from '../paper/changes';
import { paperSchema, type Paper } from '../paper/schema';
import { announceSoon } from '../messaging/changes';
import { newDeviceId, tick } from './hlc';

export interface Writer {
  /** The database, for the other tables named in `write`'s `also` (same transaction). */
  readonly db: PapershelfDB;
  /** The record under this exact key, as this write has left it so far. */
  get(key: string): Promise<Paper | undefined>;
  /** The record any of `keys` names (its key or one of its aliases), as this write has left it so far. */
  find(keys: string[]): Promise<Paper | undefined>;
  /**
   * Writes `record` (validated now; its operations are logged at the end, diffed from the record
   * as it was). `before`: the record as the caller read it, or null when the caller knows there
   * was none (saves what `planSave` read); otherwise the write reads it.
   */
  put(record: Paper, before?: Paper | null): void;
  /** Removes the record under `key`. */
  delete(key: string, before?: Paper | null): void;
  /** Logs that `from`'s record was merged into `into` (the caller puts `into` and deletes `from`). */
  merged(from: string, into: string): void;
  /** Logs a change to an element of a per-paper collection (the caller writes its own table). */
  item(key: string, coll: string, id: string, value: unknown): void;
}

export class InvalidRecordError extends Error {}

/** Thrown by `put` (and so aborting the whole write) for a record the schema refuses. */
function validate(record: Paper): void {
  const ok = paperSchema.safeParse(record);
  if (!ok.success) {
    const issue = ok.error.issues[0];
    const where = issue?.path?.length ? ` (${issue.path.join('.')})` : '';
    throw new InvalidRecordError(
      `“${String(record.title).slice(0, 80)}” (${record.key}) is not a valid record: ${issue?.message ?? 'invalid'}${where}`,
    );
  }
}

interface Touched {
  /** The record before this write (undefined: it did not exist), once `beforeKnown`. */
  before: Paper | undefined;
  beforeKnown: boolean;
  /** The record this write leaves (undefined: removed), once `staged`. */
  after: Paper | undefined;
  staged: boolean;
  extra: ChangeOp[];
}

export interface WriteOptions {
  /** Tables the callback writes besides papers (the enrichment queue, highlights…). */
  also?: Table[];
  /** The clock to read as "now" (tests). */
  now?: number;
  /** Skip the change signal (the caller sends its own, e.g. one for a whole import). */
  quiet?: boolean;
}

/** This library's device id, made on first use. Call inside a transaction that includes `meta`. */
async function deviceAndClock(db: PapershelfDB): Promise<{ device: string; clock: string | undefined }> {
  const [dev, clock] = await db.meta.bulkGet(['device', 'clock']);
  let device = typeof dev?.value === 'string' ? dev.value : undefined;
  if (!device) {
    device = newDeviceId();
    await db.meta.put({ id: 'device', value: device });
  }
  return { device, clock: typeof clock?.value === 'string' ? clock.value : undefined };
}

/** This library's device id (made now if it has none yet: a library never written to). */
export async function deviceId(db: PapershelfDB): Promise<string> {
  return db.transaction('rw', db.meta, async () => (await deviceAndClock(db)).device);
}

/** The clock of the last change to `key`'s note (a create counts: it carries the note). */
async function lastNoteClock(db: PapershelfDB, key: string): Promise<string | undefined> {
  const hit = await db.changes
    .where('key')
    .equals(key)
    .reverse()
    .filter((r) => r.ops.some((o) => o.op === 'note' || o.op === 'create'))
    .first();
  return hit?.hlc;
}

/** A paper a committed write changed (or logged an item of): as it was, and as it is now. */
export interface Written {
  key: string;
  before: Paper | undefined;
  after: Paper | undefined;
}

const listeners = new WeakMap<PapershelfDB, ((changed: Written[]) => void)[]>();

/**
 * Calls `fn` after each committed write through `db` that logged a change, with the papers it
 * changed (what keeps derived copies, like the highlights' mirror, in step with every write).
 */
export function onWritten(db: PapershelfDB, fn: (changed: Written[]) => void): void {
  listeners.set(db, [...(listeners.get(db) ?? []), fn]);
}

export async function write<T>(
  db: PapershelfDB,
  origin: ChangeOrigin,
  fn: (w: Writer) => Promise<T>,
  options: WriteOptions = {},
): Promise<{ result: T; records: ChangeRecord[] }> {
  const touched = new Map<string, Touched>();
  const order: string[] = [];
  const touch = (key: string): Touched => {
    let t = touched.get(key);
    if (!t) {
      t = { before: undefined, beforeKnown: false, after: undefined, staged: false, extra: [] };
      touched.set(key, t);
      order.push(key);
    }
    return t;
  };
  /** Records the state read from the database for `key` (its state before this write). */
  const known = (key: string, rec: Paper | undefined): Touched => {
    const t = touch(key);
    if (!t.beforeKnown) {
      t.before = rec;
      t.beforeKnown = true;
    }
    return t;
  };
  const current = async (key: string): Promise<Paper | undefined> => {
    const t = touched.get(key);
    if (t?.staged) return t.after;
    if (t?.beforeKnown) return t.before;
    return known(key, await db.papers.get(key)).before;
  };
  /** `before`: the record as it was if the caller read it, null if the caller knows there was none. */
  const stage = (key: string, before: Paper | null | undefined, after: Paper | undefined) => {
    const t = before === undefined ? touch(key) : known(key, before ?? undefined);
    t.after = after;
    t.staged = true;
  };

  const writer: Writer = {
    db,
    get: current,
    async find(keys) {
      const wanted = new Set(keys);
      for (const t of touched.values()) {
        const rec = t.staged ? t.after : t.before;
        if (rec && (wanted.has(rec.key) || rec.aliases.some((a) => wanted.has(a)))) return rec;
      }
      const direct = (await db.papers.bulkGet(keys)).find(Boolean);
      const hit = direct ?? (await db.papers.where('aliases').anyOf(keys).first());
      if (!hit) return undefined;
      const t = known(hit.key, hit);
      // Removed (or replaced) by this write already: what it left is the answer.
      return t.staged ? t.after : t.before;
    },
    put(record, before) {
      validate(record);
      stage(record.key, before, record);
    },
    delete(key, before) {
      stage(key, before, undefined);
    },
    merged(from, into) {
      touch(from).extra.push({ op: 'merged', into });
    },
    item(key, coll, id, value) {
      touch(key).extra.push({ op: 'item', coll, id, value: value ?? null });
    },
  };

  const tables = [db.papers, db.changes, db.meta, ...(options.also ?? [])];
  const out = await db.transaction('rw', tables, async () => {
    const result = await fn(writer);
    // Records put without their prior state being read (a save's plan read them already, or a
    // new key): read the ones still unknown, in one round trip.
    const unknown = order.filter((k) => !touched.get(k)!.beforeKnown);
    if (unknown.length) {
      const rows = await db.papers.bulkGet(unknown);
      unknown.forEach((k, i) => known(k, rows[i]));
    }
    const now = options.now ?? Date.now();
    const pending: { key: string; ops: ChangeOp[]; noteFor?: string }[] = [];
    const puts: Paper[] = [];
    const dels: string[] = [];
    for (const key of order) {
      const t = touched.get(key)!;
      const ops: ChangeOp[] = [];
      if (!t.staged) {
        // Only read (or only an item logged): nothing of the record changes.
      } else if (t.after) {
        if (t.after !== t.before) puts.push(t.after);
        ops.push(...diffRecords(t.before, t.after));
      } else if (t.before) {
        dels.push(key);
        if (!t.extra.some((o) => o.op === 'merged')) ops.push({ op: 'remove' });
      }
      ops.push(...t.extra);
      if (ops.length) pending.push({ key, ops });
    }
    if (!pending.length) return { result, records: [] as ChangeRecord[] };
    // A note's operation names the note change it replaced, so that sync can tell two
    // concurrent edits (both kept) from one edit after another.
    for (const p of pending) {
      const i = p.ops.findIndex((o) => o.op === 'note');
      if (i < 0) continue;
      const prev = await lastNoteClock(db, p.key);
      if (prev) p.ops[i] = { ...(p.ops[i] as Extract<ChangeOp, { op: 'note' }>), prev };
    }
    const { device, clock } = await deviceAndClock(db);
    let last = clock;
    const records: ChangeRecord[] = pending.map((p) => {
      last = tick(last, now, device);
      return { hlc: last, device, key: p.key, origin, ops: p.ops };
    });
    await Promise.all([
      puts.length ? db.papers.bulkPut(puts) : undefined,
      dels.length ? db.papers.bulkDelete(dels) : undefined,
      db.changes.bulkAdd(records),
      db.meta.put({ id: 'clock', value: last }),
    ]);
    return { result, records };
  });
  const fns = out.records.length ? listeners.get(db) : undefined;
  if (fns?.length) {
    const changed = [...new Set(out.records.map((r) => r.key))].map((key): Written => {
      const t = touched.get(key)!;
      return { key, before: t.before, after: t.staged ? t.after : t.before };
    });
    // The write has committed: a listener that fails must not turn it into an error.
    for (const fn of fns)
      try {
        fn(changed);
      } catch (e) {
        console.warn('Papershelf: a listener of committed writes failed', e);
      }
  }
  if (!options.quiet && out.records.length) {
    const keys = new Set<string>();
    for (const key of order) {
      const t = touched.get(key)!;
      keys.add(key);
      for (const a of [...(t.before?.aliases ?? []), ...(t.after?.aliases ?? [])]) keys.add(a);
    }
    announceSoon([...keys]);
  }
  return out;
}
