// Import planning: what an import would add, change and leave alone, before anything is written.
// Matching is by canonical key and aliases; nothing the user wrote is ever dropped.
import { mergeMeta } from '../../paper/merge';
import { normalizeTags } from '../../paper/tags';
import { allKeys } from '../../paper/identity';
import { newPaper, type Paper, type PaperMeta } from '../../paper/schema';
import { titleKeyOf, type PaperCandidate } from './candidate';

export interface ImportPlan {
  add: Paper[];
  update: { before: Paper; after: Paper }[];
  skip: { key: string; reason: string }[];
}

export const NOTE_DIVIDER = '\n\n--- imported note ---\n\n';

const META_KEYS = [
  'key',
  'ids',
  'title',
  'authors',
  'authorNames',
  'editors',
  'editorNames',
  'year',
  'date',
  'venue',
  'type',
  'abstract',
  'absUrl',
  'pdfUrl',
  'source',
  'arxivCategory',
  'arxivVersion',
  'volume',
  'number',
  'pages',
  'publisher',
] as const;

function metaOf(c: PaperCandidate): PaperMeta {
  const m: Record<string, unknown> = {};
  for (const k of META_KEYS) if (c[k] !== undefined) m[k] = c[k];
  return m as PaperMeta;
}

/** A candidate as a full record: its own user fields where it has them, defaults elsewhere. */
export function toPaper(c: PaperCandidate, now: number): Paper {
  const p = newPaper(metaOf(c), c.addedAt ?? now);
  p.updatedAt = c.updatedAt ?? p.addedAt;
  p.tags = normalizeTags(c.tags ?? []);
  p.note = c.note ?? '';
  if (c.status) p.status = c.status;
  if (c.starred !== undefined) p.starred = c.starred;
  // A full record (backup) keeps its aliases as they are; a bare candidate gets its other keys.
  p.aliases = c.aliases ?? allKeys(c.ids).filter((k) => k !== c.key);
  if (c.citationKey) p.citationKey = c.citationKey;
  if (c.citationKeyPinned !== undefined) p.citationKeyPinned = c.citationKeyPinned;
  if (c.edited) p.edited = c.edited;
  return p;
}

/** Same text: keep. One extends the other: the newer wins. Otherwise both, divided. */
export function mergeNotes(older: string, newer: string): string {
  const a = older.trim();
  const b = newer.trim();
  if (!a) return newer;
  if (!b || a === b || a.includes(b)) return older;
  if (a.startsWith(b) || b.startsWith(a)) return newer;
  return `${older.trimEnd()}${NOTE_DIVIDER}${newer.trim()}`;
}

function mergeInto(saved: Paper, c: PaperCandidate): Paper {
  const out = mergeMeta(saved, metaOf(c));
  for (const a of c.aliases ?? []) if (a !== out.key && !out.aliases.includes(a)) out.aliases.push(a);
  out.tags = normalizeTags([...saved.tags, ...(c.tags ?? [])]);
  // A file without timestamps (BibTeX, RIS…) is older than anything stored.
  const incomingNewer = (c.updatedAt ?? -Infinity) > saved.updatedAt;
  const note = c.note ?? '';
  out.note = incomingNewer ? mergeNotes(saved.note, note) : mergeSaved(saved.note, note);
  if (incomingNewer) {
    if (c.status) out.status = c.status;
    if (c.starred !== undefined) out.starred = c.starred;
    out.updatedAt = c.updatedAt!;
  }
  if (c.addedAt !== undefined && c.addedAt < saved.addedAt) out.addedAt = c.addedAt;
  if (c.citationKey && (!saved.citationKey || (c.citationKeyPinned && !saved.citationKeyPinned && incomingNewer))) {
    out.citationKey = c.citationKey;
    if (c.citationKeyPinned !== undefined) out.citationKeyPinned = c.citationKeyPinned;
  }
  return out;
}

/** The stored note is the newer one: it wins a prefix contest, otherwise the imported text is appended. */
function mergeSaved(saved: string, incoming: string): string {
  const s = saved.trim();
  const i = incoming.trim();
  if (!i || s.includes(i)) return saved;
  if (!s) return incoming;
  if (s.startsWith(i) || i.startsWith(s)) return saved;
  return `${saved.trimEnd()}${NOTE_DIVIDER}${i}`;
}

/** Key order does not matter; undefined fields count as absent. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, x]) => [k, canonical(x)]),
    );
  }
  return v;
}

function same(a: Paper, b: Paper): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * Plans the import of `incoming` into `existing`. Duplicates inside the file merge with each other
 * first; a record that would not change is skipped with its reason.
 */
export function planImport(existing: Paper[], incoming: PaperCandidate[], now: number): ImportPlan {
  const byKey = new Map<string, Paper>();
  const index = (p: Paper) => {
    for (const k of [p.key, ...p.aliases, ...allKeys(p.ids)]) if (!byKey.has(k)) byKey.set(k, p);
  };
  existing.forEach(index);
  const original = new Map(existing.map((p) => [p.key, p]));
  const current = new Map<string, Paper>(); // key → record as planned so far
  const added = new Set<string>();
  const skip: ImportPlan['skip'] = [];
  for (const c of incoming) {
    const keys = [c.key, ...(c.aliases ?? []), ...allKeys(c.ids)];
    // A record kept under its title key, still without identifiers, is the one an entry with
    // identifiers completes (only one: once it has them, a second namesake is a paper of its own).
    const byTitle = c.key.startsWith('title:') ? undefined : byKey.get(titleKeyOf(c));
    const titled = byTitle?.key.startsWith('title:') && !Object.keys(byTitle.ids).length ? byTitle : undefined;
    const hit = keys.map((k) => byKey.get(k)).find(Boolean) ?? titled;
    if (!hit) {
      const p = toPaper(c, now);
      current.set(p.key, p);
      added.add(p.key);
      byKey.set(p.key, p);
      index(p);
      continue;
    }
    const base = current.get(hit.key) ?? hit;
    const next = mergeInto(base, c);
    if (same(base, next)) {
      skip.push({ key: c.key, reason: added.has(hit.key) ? 'duplicate within the file' : `already in the library as ${hit.key}, nothing new` });
      continue;
    }
    current.set(hit.key, next);
    for (const k of [next.key, ...next.aliases]) byKey.set(k, next);
  }
  const add: Paper[] = [];
  const update: ImportPlan['update'] = [];
  for (const [key, p] of current) {
    if (added.has(key)) add.push(p);
    else {
      const before = original.get(key)!;
      if (!same(before, p)) update.push({ before, after: { ...p, updatedAt: Math.max(p.updatedAt, now) } });
    }
  }
  return { add, update, skip };
}
