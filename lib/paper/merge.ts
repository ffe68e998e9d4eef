// Two records of one paper made one: the merge that saving, detection, completion and imports
// share. One record wins field by field; the other only fills its gaps.
import { allKeys } from './identity';
import { readingStatuses } from './limits';
import type { Paper, PaperMeta } from './schema';
import { normalizeTags } from './tags';

/** A field with nothing in it: absent, empty text or an empty list. */
export const isGap = (v: unknown): boolean => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

export interface FillOptions {
  /** Fields never filled: those the user edited by hand. */
  keep?: Iterable<string>;
  /** Type 'other' counts as a gap (makePaper's guess for want of a venue, not knowledge). */
  guessedType?: boolean;
}

/** `a` with its gaps filled from `b`; identifiers united, a's winning; a's key kept. */
export function fillGaps<T extends PaperMeta>(a: T, b: PaperMeta, opts: FillOptions = {}): T {
  const keep = new Set(opts.keep ?? []);
  const out: Record<string, unknown> = { ...a, ids: { ...b.ids, ...a.ids } };
  for (const [k, v] of Object.entries(b)) {
    if (k === 'key' || k === 'ids' || keep.has(k) || v === undefined) continue;
    if (isGap(out[k]) || (opts.guessedType && k === 'type' && out.type === 'other')) out[k] = v;
  }
  return out as T;
}

/** `p` with `extra` and every key of its identifiers among its aliases (never its own key). */
export function withAliases(p: Paper, extra: string[] = []): Paper {
  const aliases = new Set([...p.aliases, ...extra, ...allKeys(p.ids)]);
  aliases.delete(p.key);
  return { ...p, aliases: [...aliases] };
}

/** Fields of `meta` fill the saved record's gaps; what the user edited stays. */
export function mergeMeta(saved: Paper, meta: PaperMeta): Paper {
  const out = fillGaps(saved, meta, { keep: saved.edited });
  const aliases = new Set([...saved.aliases, ...allKeys(meta.ids), meta.key]);
  aliases.delete(saved.key);
  out.aliases = [...aliases];
  return out;
}

const STATUS_RANK = Object.fromEntries(readingStatuses.map((s, i) => [s, i]));

type UserFields = Pick<Paper, 'tags' | 'note' | 'status' | 'starred' | 'addedAt' | 'citationKey' | 'citationKeyPinned'>;

/**
 * What the user added to two records of one paper, merged: tags united, both notes kept, the
 * further reading status, a star from either, the earlier date added, `keep`'s citation key first.
 */
export function mergeUserFields(keep: Paper, other: Paper): UserFields {
  const notes = [keep.note, other.note].filter((n) => n.trim());
  return {
    tags: normalizeTags([...keep.tags, ...other.tags]),
    note: [...new Set(notes)].join('\n\n---\n\n'),
    status: STATUS_RANK[other.status] > STATUS_RANK[keep.status] ? other.status : keep.status,
    starred: keep.starred || other.starred,
    addedAt: Math.min(keep.addedAt, other.addedAt),
    citationKey: keep.citationKey ?? other.citationKey,
    citationKeyPinned: keep.citationKey ? keep.citationKeyPinned : other.citationKeyPinned,
  };
}
