// The change log's records: what each write did to one paper, field by field. The log is what
// sync ships to other devices, and what triage and highlights extend (`item` operations); it is
// written by lib/library/write.ts only (kept here, at the bottom, because sync and the database read it too), in the transaction of the write it describes.
import type { Paper } from './schema';

export type ChangeOrigin = 'save' | 'edit' | 'import' | 'completion' | 'merge' | 'remove' | 'restore' | 'citekey' | 'remote' | 'migrate';

/** Triage's dismissals ("not interested"): an `item` per dismissed key (id: the key), null once undone. */
export const DISMISSALS = 'dismissals';

/**
 * Collections that belong to a key, not to a saved paper: their items exist without a paper
 * under that key (a dismissal is usually of a paper never saved), do not follow the paper when it
 * is merged into another, and are no edit of it (a dismissal does not bring back a removed paper).
 */
export const KEY_COLLECTIONS: ReadonlySet<string> = new Set([DISMISSALS]);

export type ChangeOp =
  /** A new paper, whole. */
  | { op: 'create'; record: Paper }
  /** One field's new value (last writer wins by clock); null unsets it. */
  | { op: 'set'; field: string; value: unknown }
  /** Tags are a set: one tag added (present) or removed. */
  | { op: 'tag'; tag: string; present: boolean }
  /** The whole note text; `prev` is the clock of the note change this one replaced (none: the baseline). */
  | { op: 'note'; text: string; prev?: string }
  /** The record was removed. */
  | { op: 'remove' }
  /** This key's record was merged into the record `into` (logged on the absorbed key). */
  | { op: 'merged'; into: string }
  /** An element of a per-paper collection (`highlights`…) set, or deleted when null. */
  | { op: 'item'; coll: string; id: string; value: unknown };

export interface ChangeRecord {
  /** Local order of the log (auto-increment). */
  seq?: number;
  /** Hybrid logical clock of the change (lib/library/hlc.ts). */
  hlc: string;
  /** The device that made it. */
  device: string;
  /** The paper's canonical key (the record's key when it was made). */
  key: string;
  origin: ChangeOrigin;
  ops: ChangeOp[];
}

/** Fields whose changes are not logged: bookkeeping every write touches. */
const UNLOGGED = new Set(['key', 'updatedAt', 'tags', 'note']);

const same = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
};

/**
 * The operations that turn `before` into `after` (both records of one paper). A new record is
 * one `create`; otherwise a `set` per changed field, a `tag` per tag added or removed, and a
 * `note` when the note's text changed.
 */
export function diffRecords(before: Paper | undefined, after: Paper, notePrev?: string): ChangeOp[] {
  if (!before) return [{ op: 'create', record: after }];
  const ops: ChangeOp[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const k of keys) {
    if (UNLOGGED.has(k) || same(b[k], a[k])) continue;
    ops.push({ op: 'set', field: k, value: a[k] === undefined ? null : a[k] });
  }
  const had = new Set(before.tags);
  const has = new Set(after.tags);
  for (const t of after.tags) if (!had.has(t)) ops.push({ op: 'tag', tag: t, present: true });
  for (const t of before.tags) if (!has.has(t)) ops.push({ op: 'tag', tag: t, present: false });
  if (before.note !== after.note) ops.push(notePrev ? { op: 'note', text: after.note, prev: notePrev } : { op: 'note', text: after.note });
  return ops;
}

/** The record `ops` make of `before` (the inverse of diffRecords, for one device's own changes). */
export function applyOps(before: Paper | undefined, ops: readonly ChangeOp[]): Paper | undefined {
  let out: Paper | undefined = before && { ...before, tags: [...before.tags] };
  for (const o of ops) {
    if (o.op === 'create') out = { ...o.record, tags: [...o.record.tags] };
    else if (o.op === 'remove' || o.op === 'merged') out = undefined;
    else if (!out) continue;
    else if (o.op === 'set') {
      const rec = out as Record<string, unknown>;
      if (o.value === null) delete rec[o.field];
      else rec[o.field] = o.value;
    } else if (o.op === 'tag') {
      const tags = out.tags.filter((t) => t !== o.tag);
      out.tags = o.present ? [...tags, o.tag] : tags;
    } else if (o.op === 'note') out.note = o.text;
  }
  return out;
}
