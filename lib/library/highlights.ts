// Highlights (issue 20) are library writes: each add, recolour, comment or removal runs through
// `write` — validated, stored in `highlights`, and logged as an `item` operation on its paper
// (collection 'highlights'), so that sync ships them like any other change.
import type { PapershelfDB } from '../db/database';
import { findSaved } from '../db/papers';
import { highlightSchema, newHighlightId, type Highlight, type HighlightSelectors } from '../paper/highlight';
import type { HighlightColor } from '../paper/highlightLimits';
import type { ChangeOrigin } from '../paper/changes';
import type { Paper, PaperMeta } from '../paper/schema';
import { toBackup } from '../formats/backup';
import { toMarkdown } from '../formats/markdown';
import { save } from './commands';
import { write } from './write';

export const HIGHLIGHTS = 'highlights';

export class HighlightError extends Error {}

function valid(h: Highlight): Highlight {
  const r = highlightSchema.safeParse(h);
  if (!r.success)
    throw new HighlightError(`Not a valid highlight: ${r.error.issues[0]?.path.join('.') || ''} ${r.error.issues[0]?.message ?? ''}`.trim());
  return r.data;
}

/** What is stored, read back through the schema (a damaged row is left out, not thrown). */
export function readBack(rows: unknown[]): Highlight[] {
  const out: Highlight[] = [];
  for (const row of rows) {
    const r = highlightSchema.safeParse(row);
    if (r.success) out.push(r.data);
  }
  return out.sort((a, b) => (a.selectors.position?.start ?? 0) - (b.selectors.position?.start ?? 0) || a.createdAt - b.createdAt);
}

async function put(db: PapershelfDB, origin: ChangeOrigin, list: Highlight[], now?: number): Promise<Highlight[]> {
  const { result } = await write(
    db,
    origin,
    async (w) => {
      const done: Highlight[] = [];
      for (const raw of list) {
        const h = valid(raw);
        // Stored under the record's own key: the highlight may have been made under an alias.
        const paper = await w.find([h.key]);
        if (!paper) throw new HighlightError(`No saved paper ${h.key} to highlight`);
        const stored = { ...h, key: paper.key };
        await w.db.highlights.put(stored);
        w.item(paper.key, HIGHLIGHTS, stored.id, stored);
        done.push(stored);
      }
      return done;
    },
    { now, also: [db.highlights] },
  );
  return result;
}

export interface HighlightDraft {
  selectors: HighlightSelectors;
  color: HighlightColor;
  comment?: string;
  url: string;
}

/** A new highlight on `paper`, saved first if it is not in the library. */
export async function addHighlight(db: PapershelfDB, paper: PaperMeta, draft: HighlightDraft, now = Date.now()): Promise<Highlight> {
  const saved = (await findSaved(db, [paper.key])) ?? (await save(db, [paper], now))[0];
  if (!saved) throw new HighlightError('The paper could not be saved');
  const h: Highlight = { id: newHighlightId(), key: saved.key, ...draft, createdAt: now, updatedAt: now };
  if (!h.comment) delete h.comment;
  return (await put(db, 'edit', [h], now))[0];
}

export type HighlightPatch = { color?: HighlightColor; comment?: string | null };

export async function updateHighlight(db: PapershelfDB, id: string, patch: HighlightPatch, now = Date.now()): Promise<Highlight | undefined> {
  const { result } = await write(
    db,
    'edit',
    async (w) => {
      const [old] = readBack([await w.db.highlights.get(id)]);
      if (!old) return undefined;
      const next: Highlight = { ...old, updatedAt: now };
      if (patch.color) next.color = patch.color;
      if (patch.comment !== undefined) {
        if (patch.comment?.trim()) next.comment = patch.comment.trim();
        else delete next.comment;
      }
      valid(next);
      await w.db.highlights.put(next);
      w.item(next.key, HIGHLIGHTS, id, next);
      return next;
    },
    { now, also: [db.highlights] },
  );
  return result;
}

/** Removes a highlight; returns it as it was (for undo). */
export async function removeHighlight(db: PapershelfDB, id: string, now = Date.now()): Promise<Highlight | undefined> {
  const { result } = await write(
    db,
    'edit',
    async (w) => {
      const [old] = readBack([await w.db.highlights.get(id)]);
      if (!old) return undefined;
      await w.db.highlights.delete(id);
      w.item(old.key, HIGHLIGHTS, id, null);
      return old;
    },
    { now, also: [db.highlights] },
  );
  return result;
}

/** Undo of a removal: the highlight back as it was. */
export async function restoreHighlight(db: PapershelfDB, h: Highlight): Promise<void> {
  await put(db, 'restore', [h]);
}

/**
 * A backup's highlights, after its papers were imported: those whose paper is in the library are
 * put back (a newer copy already here is kept); the others are counted as skipped.
 */
export async function importHighlights(db: PapershelfDB, list: Highlight[]): Promise<{ restored: number; skipped: number }> {
  const keep: Highlight[] = [];
  let skipped = 0;
  for (const h of list) {
    const paper = await findSaved(db, [h.key]);
    const here = await db.highlights.get(h.id);
    if (!paper || (here && Number(here.updatedAt) >= h.updatedAt)) skipped++;
    else keep.push({ ...h, key: paper.key });
  }
  if (keep.length) await put(db, 'import', keep);
  return { restored: keep.length, skipped };
}

/** The highlights of the saved paper `key` names (its canonical key or an alias). */
export async function highlightsOf(db: PapershelfDB, key: string): Promise<Highlight[]> {
  // Both reads at once: highlights are stored under the paper's canonical key, which is `key`
  // itself in the usual case; under an alias the second read is made again for the right key.
  const [paper, rows] = await Promise.all([findSaved(db, [key]), db.highlights.where('key').equals(key).toArray()]);
  if (!paper) return [];
  return readBack(paper.key === key ? rows : await db.highlights.where('key').equals(paper.key).toArray());
}

export async function allHighlights(db: PapershelfDB): Promise<Highlight[]> {
  return readBack(await db.highlights.toArray());
}

/** Every paper's highlights by key (the Markdown export lists them under their papers). */
export async function highlightsByKey(db: PapershelfDB, keys?: string[]): Promise<Map<string, Highlight[]>> {
  const rows = keys ? await db.highlights.where('key').anyOf(keys).toArray() : await db.highlights.toArray();
  const out = new Map<string, Highlight[]>();
  for (const h of readBack(rows)) out.set(h.key, [...(out.get(h.key) ?? []), h]);
  return out;
}

/**
 * The exports that carry highlights (Markdown: under their papers; the JSON backup: an optional
 * top-level array), by exporter id. The options page runs these in place of the plain ones;
 * lib/library/exporters.ts can take them over.
 */
export const highlightExports: Record<string, (db: PapershelfDB, papers: Paper[]) => Promise<string>> = {
  markdown: async (db, papers) =>
    toMarkdown(
      papers,
      'Papers',
      await highlightsByKey(
        db,
        papers.map((p) => p.key),
      ),
    ),
  backup: async (db, papers) => {
    const byKey = await highlightsByKey(
      db,
      papers.map((p) => p.key),
    );
    // Dismissals belong to the library, not to a paper: a backup carries all of them.
    return toBackup(papers, Date.now(), [...byKey.values()].flat(), await db.dismissals.toArray());
  },
};
