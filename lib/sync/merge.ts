// The merge of every device's change records into one library — a state-based CRDT: each
// paper's state is a join of registers, so applying the same records in any order, any number of
// times, gives the same state, and the library read from it (materialize) is the same on every
// device.
//  - a field: last writer wins by HLC; a `set` always beats a `create` (a device saving a paper
//    it did not know yet does not undo edits made elsewhere), creates among themselves by HLC;
//  - tags: one last-writer-wins register per tag (adding one here and removing another there
//    keeps both effects);
//  - notes: every version is kept with the versions it replaced (`prevs`); more than one version
//    left standing is a conflict, shown as both texts between markers until an edit replaces them;
//  - remove: wins over edits older than it; an edit newer than the remove (made where the remove
//    was not seen yet) keeps the paper, tagged KEPT_TAG so the user sees why it is back;
//  - merged: an absorbed key's state (even edits made elsewhere after the merge) flows into the
//    record it was merged into; a merge cycle drops its oldest edge;
//  - items: one last-writer-wins register per element; those of a key's own collections
//    (KEY_COLLECTIONS: dismissals) stand without a paper, are no edit of it and stay on their key
//    (keyItems), outside the paper's record.
import { KEY_COLLECTIONS } from '../paper/changes';
import type { Paper } from '../paper/schema';
import type { WireOp, WireRecord } from './types';

export const KEPT_TAG = 'kept: removed on another device';
export const CONFLICT_START = '<<<<<<< Papershelf: this note was edited on two devices. Keep what you want, delete the rest and these marker lines.';
export const CONFLICT_SPLIT = '=======';
export const CONFLICT_END = '>>>>>>> end of conflict';

/** `at` = rank + HLC: rank 's' (set/tag) beats rank 'c' (create) whatever the clocks. */
export interface Reg {
  at: string;
  value: unknown;
}

export interface NoteVersion {
  text: string;
  prevs: string[];
}

export interface PaperState {
  fields: Map<string, Reg>;
  tags: Map<string, Reg>;
  notes: Map<string, NoteVersion>;
  aliases: Set<string>;
  items: Map<string, Reg>;
  created?: string;
  edited?: string;
  removed?: string;
  merged?: Reg;
  addedAt?: number;
}

export interface LibraryState {
  papers: Map<string, PaperState>;
  /** Direct merge edges, reversed: target → keys whose latest `merged` names it. */
  absorbed: Map<string, Set<string>>;
}

/** Fields that are not plain registers. */
const SPECIAL = new Set(['key', 'tags', 'note', 'aliases', 'addedAt']);
const SAFE_NAME = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

export function emptyLibrary(): LibraryState {
  return { papers: new Map(), absorbed: new Map() };
}

function paperState(lib: LibraryState, key: string): PaperState {
  let s = lib.papers.get(key);
  if (!s) {
    s = { fields: new Map(), tags: new Map(), notes: new Map(), aliases: new Set(), items: new Map() };
    lib.papers.set(key, s);
  }
  return s;
}

const later = (a: string | undefined, b: string) => (a === undefined || b > a ? b : a);

function setReg(map: Map<string, Reg>, name: string, at: string, value: unknown): void {
  const cur = map.get(name);
  // Equal `at` is the same op seen twice (HLCs are unique per device and change).
  if (!cur || at > cur.at) map.set(name, { at, value });
}

function setMerged(lib: LibraryState, key: string, s: PaperState, at: string, into: string): void {
  if (s.merged && s.merged.at >= at) return;
  if (s.merged) lib.absorbed.get(s.merged.value as string)?.delete(key);
  s.merged = { at, value: into };
  let set = lib.absorbed.get(into);
  if (!set) lib.absorbed.set(into, (set = new Set()));
  set.add(key);
}

function applyOp(lib: LibraryState, key: string, s: PaperState, hlc: string, op: WireOp): void {
  switch (op.op) {
    case 'create': {
      s.created = later(s.created, hlc);
      const r = op.record as Record<string, unknown>;
      for (const [f, v] of Object.entries(r)) if (!SPECIAL.has(f) && SAFE_NAME.test(f)) setReg(s.fields, f, `c${hlc}`, v);
      for (const t of op.record.tags ?? []) setReg(s.tags, t, `c${hlc}`, true);
      for (const a of op.record.aliases ?? []) s.aliases.add(a);
      if (op.record.note) s.notes.set(hlc, { text: op.record.note, prevs: [] });
      if (typeof r.addedAt === 'number' && (s.addedAt === undefined || r.addedAt < s.addedAt)) s.addedAt = r.addedAt;
      return;
    }
    case 'set':
      s.edited = later(s.edited, hlc);
      if (op.field === 'aliases' && Array.isArray(op.value)) for (const a of op.value) if (typeof a === 'string') s.aliases.add(a);
      if (!SPECIAL.has(op.field) && SAFE_NAME.test(op.field)) setReg(s.fields, op.field, `s${hlc}`, op.value);
      return;
    case 'tag':
      s.edited = later(s.edited, hlc);
      setReg(s.tags, op.tag, `s${hlc}`, op.present);
      return;
    case 'note':
      s.edited = later(s.edited, hlc);
      s.notes.set(hlc, { text: op.text, prevs: op.prevs ?? (op.prev ? [op.prev] : []) });
      return;
    case 'remove':
      s.removed = later(s.removed, hlc);
      return;
    case 'merged':
      setMerged(lib, key, s, `s${hlc}`, op.into);
      return;
    case 'item':
      if (!KEY_COLLECTIONS.has(op.coll)) s.edited = later(s.edited, hlc);
      setReg(s.items, `${op.coll}\u0000${op.id}`, `s${hlc}`, op.value);
      return;
  }
}

/** Applies records to the state (in place). Returns the keys whose state changed. */
export function applyRecords(lib: LibraryState, records: Iterable<WireRecord>): Set<string> {
  const touched = new Set<string>();
  for (const r of records) {
    const s = paperState(lib, r.key);
    for (const op of r.ops) {
      applyOp(lib, r.key, s, r.hlc, op);
      if (op.op === 'merged') touched.add(op.into);
    }
    touched.add(r.key);
  }
  return touched;
}

/** Where `key`'s state ends up: follows `merged` edges; in a cycle, the oldest edge is ignored. */
export function targetOf(lib: LibraryState, key: string): string {
  const path: string[] = [];
  const seen = new Set<string>();
  let k = key;
  for (;;) {
    const into = lib.papers.get(k)?.merged?.value as string | undefined;
    if (into === undefined) return k;
    if (seen.has(k)) break;
    seen.add(k);
    path.push(k);
    k = into;
  }
  // A cycle through k: the edge with the smallest `at` in it is dropped, its source is the target.
  const cycle = path.slice(path.indexOf(k));
  let oldest = cycle[0];
  for (const c of cycle) if (lib.papers.get(c)!.merged!.at < lib.papers.get(oldest)!.merged!.at) oldest = c;
  return oldest;
}

/** Every key whose state flows into `target` (target included). */
export function groupOf(lib: LibraryState, target: string): string[] {
  const out = [target];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++) {
    for (const k of lib.absorbed.get(out[i]) ?? []) {
      if (!seen.has(k) && targetOf(lib, k) === target) {
        seen.add(k);
        out.push(k);
      }
    }
  }
  return out;
}

export interface MaterializedPaper {
  paper: Paper;
  /** Two or more note versions stand: the note shows them between markers. */
  conflict: boolean;
  /** Removed on one device, edited on another: kept, with KEPT_TAG. */
  kept: boolean;
  /** Per-paper collections: coll → id → value (deleted elements left out). */
  items: Map<string, Map<string, unknown>>;
  /**
   * The same collections with every element's last write: its HLC and value (null: deleted).
   * What a device writes back, last writer wins per element, and what tells a deletion (remove
   * the row) from an element sync has not heard of (leave it).
   */
  itemWrites: Map<string, Map<string, { hlc: string; value: unknown }>>;
}

function noteOf(states: PaperState[]): { text: string; conflict: boolean } {
  const versions = new Map<string, NoteVersion>();
  for (const s of states) for (const [id, v] of s.notes) versions.set(id, v);
  const replaced = new Set<string>();
  for (const v of versions.values()) for (const p of v.prevs) replaced.add(p);
  const heads = [...versions.keys()].filter((id) => !replaced.has(id)).sort();
  const texts = [...new Set(heads.map((id) => versions.get(id)!.text))].filter((t) => t !== '');
  if (texts.length <= 1) return { text: texts[0] ?? '', conflict: false };
  return { text: [CONFLICT_START, texts.join(`\n${CONFLICT_SPLIT}\n`), CONFLICT_END].join('\n'), conflict: true };
}

/**
 * The library's record for `target` (its merge group combined), or null when it is not a live
 * paper: absorbed into another, removed, or never created (its create not seen yet).
 */
export function materialize(lib: LibraryState, target: string): MaterializedPaper | null {
  if (targetOf(lib, target) !== target) return null;
  const states = groupOf(lib, target)
    .map((k) => lib.papers.get(k)!)
    .filter(Boolean);
  if (states.length === 0) return null;
  let created: string | undefined, edited: string | undefined, removed: string | undefined, addedAt: number | undefined;
  const fields = new Map<string, Reg>();
  const tags = new Map<string, Reg>();
  const items = new Map<string, Reg>();
  const aliases = new Set<string>(groupOf(lib, target).slice(1));
  for (const s of states) {
    if (s.created) created = later(created, s.created);
    if (s.edited) edited = later(edited, s.edited);
    if (s.removed) removed = later(removed, s.removed);
    if (s.addedAt !== undefined && (addedAt === undefined || s.addedAt < addedAt)) addedAt = s.addedAt;
    for (const [k, r] of s.fields) setReg(fields, k, r.at, r.value);
    for (const [k, r] of s.tags) setReg(tags, k, r.at, r.value);
    for (const [k, r] of s.items) setReg(items, k, r.at, r.value);
    for (const a of s.aliases) aliases.add(a);
  }
  if (created === undefined) return null;
  const newest = edited !== undefined && edited > created ? edited : created;
  if (removed !== undefined && removed >= newest) return null;
  const kept = removed !== undefined && created < removed;
  const marker = tags.get(KEPT_TAG);
  if (kept && (!marker || marker.at < `s${removed}`)) tags.set(KEPT_TAG, { at: `s${removed}`, value: true });
  aliases.delete(target);

  const record: Record<string, unknown> = {};
  for (const [k, r] of [...fields].sort(([a], [b]) => (a < b ? -1 : 1))) if (r.value !== null && r.value !== undefined) record[k] = r.value;
  const note = noteOf(states);
  const paper = {
    ...record,
    key: target,
    tags: [...tags]
      .filter(([, r]) => r.value === true)
      .map(([t]) => t)
      .sort(),
    note: note.text,
    aliases: [...aliases].sort(),
    addedAt: addedAt ?? (record.addedAt as number),
  } as Paper;
  const byColl = new Map<string, Map<string, unknown>>();
  const writes = new Map<string, Map<string, { hlc: string; value: unknown }>>();
  for (const [k, r] of [...items].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [coll, id] = k.split('\u0000');
    if (KEY_COLLECTIONS.has(coll)) continue;
    if (!writes.has(coll)) writes.set(coll, new Map());
    // Item registers are always set-ranked: `at` is 's' + the HLC.
    writes.get(coll)!.set(id, { hlc: r.at.slice(1), value: r.value });
    if (r.value === null) continue;
    if (!byColl.has(coll)) byColl.set(coll, new Map());
    byColl.get(coll)!.set(id, r.value);
  }
  return { paper, conflict: note.conflict, kept, items: byColl, itemWrites: writes };
}

/** The last writes of `key`'s own collections (KEY_COLLECTIONS), whether or not a paper lives there. */
export function keyItems(lib: LibraryState, key: string): Map<string, Map<string, { hlc: string; value: unknown }>> | undefined {
  const s = lib.papers.get(key);
  let out: Map<string, Map<string, { hlc: string; value: unknown }>> | undefined;
  for (const [k, r] of s?.items ?? []) {
    const [coll, id] = k.split('\u0000');
    if (!KEY_COLLECTIONS.has(coll)) continue;
    out ??= new Map();
    if (!out.has(coll)) out.set(coll, new Map());
    out.get(coll)!.set(id, { hlc: r.at.slice(1), value: r.value });
  }
  return out;
}

/**
 * Whether `key`'s state holds its own collections' items only: no paper was ever made, removed,
 * edited or merged under it (nor into it), so there is no record to write back or to delete.
 */
export function keyItemsOnly(lib: LibraryState, key: string): boolean {
  const s = lib.papers.get(key);
  if (!s || s.created || s.edited || s.removed || s.merged || s.fields.size || s.tags.size || s.notes.size) return false;
  if (lib.absorbed.get(key)?.size) return false;
  for (const k of s.items.keys()) if (!KEY_COLLECTIONS.has(k.split('\u0000')[0])) return false;
  return true;
}

/** The live keys whose record may have changed when `touched` keys' states changed. */
export function affectedTargets(lib: LibraryState, touched: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const k of touched) {
    out.add(k);
    out.add(targetOf(lib, k));
  }
  return out;
}

/** The note version ids a device's paper shows for `key` now (what an edit there replaces). */
export function noteHeads(lib: LibraryState, target: string): string[] {
  const states = groupOf(lib, target)
    .map((k) => lib.papers.get(k))
    .filter((s): s is PaperState => !!s);
  const replaced = new Set<string>();
  for (const s of states) for (const v of s.notes.values()) for (const p of v.prevs) replaced.add(p);
  const heads: string[] = [];
  for (const s of states) for (const id of s.notes.keys()) if (!replaced.has(id)) heads.push(id);
  return heads.sort();
}

const laterOpt = (a: string | undefined, b: string | undefined) => (b === undefined ? a : later(a, b));

/** Joins state `from` into `into` (in place): the result is as if both had seen every record. Returns the keys that changed. */
export function joinInto(into: LibraryState, from: LibraryState): Set<string> {
  const touched = new Set<string>();
  for (const [key, f] of from.papers) {
    const s = paperState(into, key);
    for (const [k, r] of f.fields) setReg(s.fields, k, r.at, r.value);
    for (const [k, r] of f.tags) setReg(s.tags, k, r.at, r.value);
    for (const [k, r] of f.items) setReg(s.items, k, r.at, r.value);
    for (const [id, v] of f.notes) s.notes.set(id, v);
    for (const a of f.aliases) s.aliases.add(a);
    s.created = laterOpt(s.created, f.created);
    s.edited = laterOpt(s.edited, f.edited);
    s.removed = laterOpt(s.removed, f.removed);
    if (f.addedAt !== undefined && (s.addedAt === undefined || f.addedAt < s.addedAt)) s.addedAt = f.addedAt;
    if (f.merged) {
      setMerged(into, key, s, f.merged.at, f.merged.value as string);
      touched.add(f.merged.value as string);
    }
    touched.add(key);
  }
  return touched;
}
