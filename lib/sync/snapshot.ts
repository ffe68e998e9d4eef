// A snapshot is the whole merge state, so a new device starts from it instead of replaying years
// of segments, and merges later records into it exactly as if it had replayed them (the state
// keeps every register's clock, not just the values).
import * as z from 'zod/mini';
import { DavError } from './errors';
import { emptyLibrary, type LibraryState, type PaperState } from './merge';

type Row = [string, string, unknown];
export interface PaperJson {
  f: Row[];
  t: Row[];
  n: [string, string, string[]][];
  a: string[];
  i: Row[];
  c?: string;
  e?: string;
  r?: string;
  m?: [string, string];
  d?: number;
}

export interface SnapshotFile {
  format: 'papershelf-snapshot';
  device: string;
  n: number;
  /** Every device's segments up to these numbers are in the state. */
  covers: Record<string, number>;
  papers: [string, PaperJson][];
}

const regs = (m: Map<string, { at: string; value: unknown }>): Row[] => [...m].map(([k, r]) => [k, r.at, r.value]);

export function paperToJson(s: PaperState): PaperJson {
  const p: PaperJson = {
    f: regs(s.fields),
    t: regs(s.tags),
    n: [...s.notes].map(([id, v]) => [id, v.text, v.prevs]),
    a: [...s.aliases],
    i: regs(s.items),
  };
  if (s.created) p.c = s.created;
  if (s.edited) p.e = s.edited;
  if (s.removed) p.r = s.removed;
  if (s.merged) p.m = [s.merged.at, s.merged.value as string];
  if (s.addedAt !== undefined) p.d = s.addedAt;
  return p;
}

export function toSnapshot(lib: LibraryState, device: string, n: number, covers: Record<string, number>): SnapshotFile {
  const papers: [string, PaperJson][] = [];
  for (const [key, s] of lib.papers) papers.push([key, paperToJson(s)]);
  return { format: 'papershelf-snapshot', device, n, covers, papers };
}

const row = z.tuple([z.string(), z.string(), z.unknown()]);
const paperJson = z.object({
  f: z.array(row),
  t: z.array(row),
  n: z.array(z.tuple([z.string(), z.string(), z.array(z.string())])),
  a: z.array(z.string()),
  i: z.array(row),
  c: z.optional(z.string()),
  e: z.optional(z.string()),
  r: z.optional(z.string()),
  m: z.optional(z.tuple([z.string(), z.string()])),
  d: z.optional(z.number()),
});
const snapshotSchema = z.object({
  format: z.literal('papershelf-snapshot'),
  device: z.string(),
  n: z.number(),
  covers: z.record(z.string(), z.number()),
  papers: z.array(z.tuple([z.string(), paperJson])),
});

export function parseSnapshot(v: unknown, path: string): SnapshotFile {
  const r = z.safeParse(snapshotSchema, v);
  if (!r.success) throw new DavError('protocol', `${path} on the server is not a valid snapshot (${r.error.issues[0].message})`);
  return r.data;
}

const toMap = (rows: Row[]) => new Map(rows.map(([k, at, value]) => [k, { at, value }]));

/** Adds one paper's state to `lib` (a fresh key). */
export function addPaperJson(lib: LibraryState, key: string, p: PaperJson): void {
  const s: PaperState = {
    fields: toMap(p.f),
    tags: toMap(p.t),
    notes: new Map(p.n.map(([id, text, prevs]) => [id, { text, prevs }])),
    aliases: new Set(p.a),
    items: toMap(p.i),
    created: p.c,
    edited: p.e,
    removed: p.r,
    addedAt: p.d,
  };
  if (p.m) {
    s.merged = { at: p.m[0], value: p.m[1] };
    if (!lib.absorbed.has(p.m[1])) lib.absorbed.set(p.m[1], new Set());
    lib.absorbed.get(p.m[1])!.add(key);
  }
  lib.papers.set(key, s);
}

/** The state a snapshot holds (a fresh LibraryState; join it into another with joinInto). */
export function fromSnapshot(snap: SnapshotFile): LibraryState {
  const lib = emptyLibrary();
  for (const [key, p] of snap.papers) addPaperJson(lib, key, p);
  return lib;
}

export const paperJsonSchema = paperJson;
