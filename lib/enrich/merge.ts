// Merge rules of metadata completion. Completion fills gaps and may upgrade a preprint to its
// published version; it never touches a field the user edited (`edited`) nor their tags, notes…
import { normalizeTags } from '../paper/tags';
import { allKeys } from '../paper/identity';
import { readingStatuses, type Paper, type PaperMeta } from '../paper/schema';
import { hasPlaceholderTitle } from '../paper/fromLink';
import { isPreprintDoi, isPublished, type Completion } from './completion';

/** What changes when a preprint turns out to be published: the venue and its numbers. */
const PUBLICATION_FIELDS = ['venue', 'type', 'year', 'date', 'volume', 'number', 'pages', 'publisher'] as const;
const FILLABLE = ['title', 'authors', 'abstract', 'arxivCategory', ...PUBLICATION_FIELDS] as const;

type Mutable = Record<string, unknown>;
const isEmpty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** True while a record names no publication: an arXiv-only (or bioRxiv…) preprint. */
export function isPreprintRecord(p: Pick<Paper, 'type' | 'venue'>): boolean {
  return !isPublished(p);
}

function withAliases(p: Paper, extra: string[] = []): Paper {
  const aliases = new Set([...p.aliases, ...extra, ...allKeys(p.ids)]);
  aliases.delete(p.key);
  return { ...p, aliases: [...aliases] };
}

/** `paper` completed with `c`. Returns a new record; the input is not changed. */
export function applyCompletion(paper: Paper, c: Completion): Paper {
  const edited = new Set(paper.edited ?? []);
  const out: Paper = { ...paper, ids: { ...paper.ids } };
  const o = out as Mutable;
  const upgrade = isPublished(c) && isPreprintRecord(paper) && !edited.has('venue');
  for (const [k, v] of Object.entries(c.ids) as [keyof Paper['ids'], string][]) {
    // The published DOI replaces a preprint's own DOI, which stays known as an alias.
    const replace = k === 'doi' && upgrade && isPreprintDoi(out.ids.doi) && !isPreprintDoi(v);
    if (!out.ids[k] || replace) out.ids[k] = v;
  }
  if (c.arxivVersion && c.arxivVersion > (paper.arxivVersion ?? 0)) out.arxivVersion = c.arxivVersion;
  if (upgrade) {
    for (const f of PUBLICATION_FIELDS) {
      if (edited.has(f)) continue;
      // The preprint's date is the arXiv v1 date: wrong beside the published year.
      if (c[f] !== undefined || f === 'date' || f === 'volume' || f === 'number' || f === 'pages') o[f] = c[f];
    }
  }
  for (const f of FILLABLE) {
    if (edited.has(f) || c[f] === undefined) continue;
    const emptyType = f === 'type' && paper.type === 'other' && !upgrade;
    // A paper saved from a bare link carries a placeholder title ("arXiv:2401.01234").
    const placeholder = f === 'title' && hasPlaceholderTitle(paper);
    if (isEmpty(o[f]) || emptyType || placeholder) o[f] = c[f];
  }
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return withAliases(out, allKeys(paper.ids));
}

/** A saved record seen as a completion of another (for merging two records of one paper). */
function asCompletion(p: Paper): Completion {
  const { key: _k, source: _s, ...meta } = p as PaperMeta & Paper;
  return { ...meta, from: 'record' };
}

const STATUS_RANK = Object.fromEntries(readingStatuses.map((s, i) => [s, i]));

/**
 * One record from two records of the same paper (a preprint and its published version). The
 * older record's key stays the record's key — links, pinned citation keys and the popup's open
 * details keep pointing at it; the other key becomes an alias. Tags are united, both notes kept.
 */
export function mergeRecords(a: Paper, b: Paper, now = Date.now()): Paper {
  const [keep, other] = a.addedAt <= b.addedAt ? [a, b] : [b, a];
  const keepEdited = new Set(keep.edited ?? []);
  const base: Paper = { ...keep, ids: { ...keep.ids } };
  // A field the user edited on the other record carries over unless edited here too.
  for (const f of other.edited ?? []) if (!keepEdited.has(f)) (base as Mutable)[f] = (other as Mutable)[f];
  const edited = [...new Set([...keepEdited, ...(other.edited ?? [])])];
  if (edited.length) base.edited = edited;
  const merged = applyCompletion(base, asCompletion(other));
  const notes = [keep.note, other.note].filter((n) => n.trim());
  return withAliases(
    {
      ...merged,
      tags: normalizeTags([...keep.tags, ...other.tags]),
      note: [...new Set(notes)].join('\n\n---\n\n'),
      status: STATUS_RANK[other.status] > STATUS_RANK[keep.status] ? other.status : keep.status,
      starred: keep.starred || other.starred,
      addedAt: Math.min(keep.addedAt, other.addedAt),
      updatedAt: now,
      citationKey: keep.citationKey ?? other.citationKey,
      citationKeyPinned: keep.citationKey ? keep.citationKeyPinned : other.citationKeyPinned,
    },
    [other.key, ...other.aliases],
  );
}
