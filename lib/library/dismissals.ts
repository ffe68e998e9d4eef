// Triage's dismissals ("not interested") are library writes: each dismissal and each undo runs
// through `write` and is logged as an `item` operation on the dismissed key (collection
// DISMISSALS, id: the key; null once undone — a tombstone), so that sync carries them to the
// other devices. The key is usually of a paper never saved: dismissals live in a table of their
// own, not on the papers.
import * as z from 'zod/mini';
import type { PapershelfDB, StoredDismissal } from '../db/database';
import { DISMISSALS, type ChangeOrigin } from '../paper/changes';
import { write, type Writer } from './write';

export { DISMISSALS };

export const MAX_DISMISSAL_ALIASES = 20;
const keyString = z.string().check(z.minLength(1), z.maxLength(200));

/** A dismissal as its `item` value carries it (the key is the item's id). */
export const dismissalValueSchema = z.object({
  aliases: z.array(keyString).check(z.maxLength(MAX_DISMISSAL_ALIASES)),
  at: z.number(),
  device: z.string().check(z.maxLength(100)),
});

export type DismissalValue = z.infer<typeof dismissalValueSchema>;

/** The row `value` makes for `key` (undefined: not a valid dismissal). */
export function dismissalRow(key: string, value: unknown): StoredDismissal | undefined {
  const r = z.safeParse(dismissalValueSchema, value);
  if (!r.success || !z.safeParse(keyString, key).success) return undefined;
  return { key, aliases: [...new Set(r.data.aliases)].filter((a) => a !== key), at: r.data.at, device: r.data.device };
}

const valueOf = (d: StoredDismissal): DismissalValue => ({ aliases: d.aliases, at: d.at, device: d.device });

/** Stores and logs one dismissal (inside a write that includes db.dismissals). */
export async function putDismissal(w: Writer, d: StoredDismissal): Promise<void> {
  await w.db.dismissals.put(d);
  w.item(d.key, DISMISSALS, d.key, valueOf(d));
}

/** Removes and logs the undo of one dismissal (a tombstone: null). */
export async function deleteDismissal(w: Writer, key: string): Promise<void> {
  await w.db.dismissals.delete(key);
  w.item(key, DISMISSALS, key, null);
}

/** The dismissals whose key, or one of whose aliases, is among `keys`. */
async function dismissalsNaming(db: PapershelfDB, keys: string[]): Promise<StoredDismissal[]> {
  const [direct, byAlias] = await Promise.all([db.dismissals.bulkGet(keys), db.dismissals.where('aliases').anyOf(keys).toArray()]);
  const out = new Map<string, StoredDismissal>();
  for (const d of [...direct, ...byAlias]) if (d) out.set(d.key, d);
  return [...out.values()];
}

export interface DismissInput {
  key: string;
  aliases?: string[];
  device: string;
  at?: number;
}

/** Dismisses a key (with the other keys its entry carried). Returns the dismissal as stored. */
export async function dismiss(db: PapershelfDB, input: DismissInput, origin: ChangeOrigin = 'edit'): Promise<StoredDismissal> {
  const at = input.at ?? Date.now();
  const row = dismissalRow(input.key, { aliases: (input.aliases ?? []).slice(0, MAX_DISMISSAL_ALIASES), at, device: input.device });
  if (!row) throw new Error(`Not a key to dismiss: ${input.key.slice(0, 80)}`);
  await write(db, origin, (w) => putDismissal(w, row), { also: [db.dismissals], now: at });
  return row;
}

/**
 * Undoes the dismissals `key` names (its own, and those it is an alias of: dismissed on arXiv,
 * undone in Scholar under its DOI). Returns every key and alias they covered.
 */
export async function undismiss(db: PapershelfDB, key: string): Promise<string[]> {
  const { result } = await write(
    db,
    'edit',
    async (w) => {
      const hit = await dismissalsNaming(db, [key]);
      for (const d of hit) await deleteDismissal(w, d.key);
      return [...new Set(hit.flatMap((d) => [d.key, ...d.aliases]))];
    },
    { also: [db.dismissals] },
  );
  return result;
}

/** Every dismissal undone (triage's "Clear history"), each logged, so that sync carries it. */
export async function undismissAll(db: PapershelfDB): Promise<number> {
  const { result } = await write(
    db,
    'edit',
    async (w) => {
      const keys = await db.dismissals.toCollection().primaryKeys();
      for (const k of keys) await deleteDismissal(w, k);
      return keys.length;
    },
    { also: [db.dismissals] },
  );
  return result;
}

/** Dismissals brought in from elsewhere (the seen ledger's old table): a newer one here is kept. */
export async function importDismissals(db: PapershelfDB, list: StoredDismissal[], origin: ChangeOrigin = 'migrate'): Promise<number> {
  if (!list.length) return 0;
  const { result } = await write(
    db,
    origin,
    async (w) => {
      const here = await db.dismissals.bulkGet(list.map((d) => d.key));
      let n = 0;
      for (const [i, d] of list.entries()) {
        const row = dismissalRow(d.key, d);
        if (!row || (here[i] && here[i].at >= row.at)) continue;
        await putDismissal(w, row);
        n++;
      }
      return n;
    },
    { also: [db.dismissals] },
  );
  return result;
}

/** Past this many dismissals a look-up reads the listing's keys one by one instead of every key. */
const READ_ALL_UP_TO = 5000;

/**
 * Which of a listing's keys are dismissed, under their key or as an alias of a dismissal.
 * Dismissals are few next to a listing's keys: two key cursors (keys and aliases) instead of
 * 2,000 point look-ups; past a few thousand dismissals, the look-ups again.
 */
export async function dismissedAmong(db: PapershelfDB, keys: string[]): Promise<string[]> {
  const wanted = [...new Set(keys)];
  return db.transaction('r', db.dismissals, async () => {
    if ((await db.dismissals.count()) <= READ_ALL_UP_TO) {
      const [own, aliases] = await Promise.all([db.dismissals.toCollection().primaryKeys(), db.dismissals.orderBy('aliases').keys()]);
      const named = new Set<unknown>([...own, ...aliases]);
      return wanted.filter((k) => named.has(k));
    }
    const named = new Set((await dismissalsNaming(db, wanted)).flatMap((d) => [d.key, ...d.aliases]));
    return wanted.filter((k) => named.has(k));
  });
}

export async function allDismissals(db: PapershelfDB): Promise<StoredDismissal[]> {
  return db.dismissals.toArray();
}
