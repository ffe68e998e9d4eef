// Keeps the mirror of each paper's highlights in storage.local (lib/paper/highlightMirror.ts)
// computed at write time, so that the highlight chunk of a paper page has the list at
// document_start without asking the background (whose reply lands after the page's first
// layout). The database stays the truth; the library is the mirror's only writer: every
// committed write that touched a paper (a highlight added, recoloured, removed; sync, restore,
// import; the paper removed or merged) stores that paper's list again, or removes it.
import { browser } from 'wxt/browser';
import type { PapershelfDB } from '../db/database';
import type { Highlight } from '../paper/highlight';
import { HIGHLIGHT_MIRROR_PREFIX, mirrorKey } from '../paper/highlightMirror';
import type { Paper } from '../paper/schema';
import { readBack } from './highlights';
import { onWritten, type Written } from './write';

const keysOf = (p: Paper | undefined): string[] => (p ? [p.key, ...p.aliases] : []);

/** The storage items that mirror `papers` (under each of their keys) given their highlights. */
export function mirrorItems(papers: Paper[], byKey: Map<string, Highlight[]>): { set: Record<string, Highlight[]>; remove: string[] } {
  const set: Record<string, Highlight[]> = {};
  const remove: string[] = [];
  for (const p of papers) {
    const list = byKey.get(p.key);
    for (const k of keysOf(p)) {
      if (list?.length) set[mirrorKey(k)] = list;
      else remove.push(mirrorKey(k));
    }
  }
  return { set, remove };
}

async function highlightsByPaper(db: PapershelfDB, keys: string[] | undefined): Promise<Map<string, Highlight[]>> {
  const rows = keys ? await db.highlights.where('key').anyOf(keys).toArray() : await db.highlights.toArray();
  const out = new Map<string, Highlight[]>();
  for (const h of readBack(rows)) out.set(h.key, [...(out.get(h.key) ?? []), h]);
  return out;
}

/** Stores the mirror of the papers `changed` names as they are now (removed ones: no mirror). */
export async function mirrorWritten(db: PapershelfDB, changed: Written[]): Promise<void> {
  const now = changed.flatMap((c) => (c.after ? [c.after] : []));
  const { set, remove } = mirrorItems(
    now,
    await highlightsByPaper(
      db,
      now.map((p) => p.key),
    ),
  );
  // Keys a paper no longer has (removed, merged into another, an alias dropped): no mirror,
  // unless a paper of this write has them now.
  for (const c of changed) for (const k of keysOf(c.before)) if (!(mirrorKey(k) in set)) remove.push(mirrorKey(k));
  if (remove.length) await browser.storage.local.remove([...new Set(remove)]);
  if (Object.keys(set).length) await browser.storage.local.set(set);
}

/**
 * Stores the whole mirror again from the database: at the background's start, for a library
 * whose highlights were made before the mirror existed (or whose storage was cleared); mirror
 * items of papers or highlights no longer there are removed.
 */
export async function rebuildMirror(db: PapershelfDB): Promise<void> {
  const byKey = await highlightsByPaper(db, undefined);
  const papers = (await db.papers.bulkGet([...byKey.keys()])).filter((p): p is Paper => !!p);
  const { set } = mirrorItems(papers, byKey);
  const stored = Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith(HIGHLIGHT_MIRROR_PREFIX));
  const stale = stored.filter((k) => !(k in set));
  if (stale.length) await browser.storage.local.remove(stale);
  if (Object.keys(set).length) await browser.storage.local.set(set);
}

/**
 * Keeps the mirror in step with every write through `db`, in the order of the writes (each
 * stores what the database holds once it committed). Returns a function that resolves once the
 * mirror has caught up with the writes so far (tests).
 */
export function keepHighlightMirror(db: PapershelfDB): () => Promise<void> {
  let queue = Promise.resolve();
  onWritten(db, (changed) => {
    queue = queue.then(() => mirrorWritten(db, changed)).catch((e: unknown) => console.warn('Papershelf: could not keep the highlights’ mirror', e));
  });
  return () => queue;
}
