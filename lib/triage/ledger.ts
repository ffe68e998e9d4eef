// The seen ledger's rules, pure: what a record holds, how a sighting updates it, which of a
// listing's keys are new, what is shown (saved beats dismissed), and how much compaction drops.
// The Dexie store (./store.ts) applies them; nothing here touches a database or the clock.

/** Where a paper was seen: the page's host and path (no query: search terms stay out). */
export type Where = string;

export interface SeenRecord {
  /** The paper's canonical key (primary key). */
  key: string;
  /** Every other key it is known under (arXiv id of a DOI, …): a sighting on one site counts on all. */
  aliases: string[];
  first: number;
  last: number;
  firstWhere: Where;
  lastWhere: Where;
  /** On how many page loads it was seen. */
  count: number;
  /** Enough to list, search and save it from "Seen recently" (no abstract: the ledger stays small). */
  title: string;
  authors: string[];
  year?: number;
  venue?: string;
}

/**
 * A dismissal ("not interested"). Shaped as the sync change log will carry it (key, when, which
 * device) so that dismissals can travel between devices once sync lands; the latest `at` wins.
 */
export interface DismissRecord {
  key: string;
  at: number;
  device: string;
}

/** One sighting, as a content script reports it. */
export interface SeenEvent {
  key: string;
  aliases: string[];
  at: number;
  where: Where;
  title: string;
  authors: string[];
  year?: number;
  venue?: string;
}

export const MAX_AUTHORS_KEPT = 8;

/** The record after a sighting: first seen kept, last seen moved on, aliases united. */
export function applySighting(prev: SeenRecord | undefined, e: SeenEvent): SeenRecord {
  const aliases = [...new Set([...(prev?.aliases ?? []), ...e.aliases])].filter((k) => k !== e.key);
  const base = {
    key: e.key,
    aliases,
    title: e.title || prev?.title || '',
    authors: (e.authors.length ? e.authors : (prev?.authors ?? [])).slice(0, MAX_AUTHORS_KEPT),
    year: e.year ?? prev?.year,
    venue: e.venue ?? prev?.venue,
  };
  if (!prev) return { ...base, first: e.at, last: e.at, firstWhere: e.where, lastWhere: e.where, count: 1 };
  const later = e.at >= prev.last;
  return {
    ...base,
    first: Math.min(prev.first, e.at),
    firstWhere: e.at < prev.first ? e.where : prev.firstWhere,
    last: later ? e.at : prev.last,
    lastWhere: later ? e.where : prev.lastWhere,
    count: prev.count + 1,
  };
}

/** Folds a batch of sightings into the records they touch (several of one key become one write). */
export function applyBatch(prev: Map<string, SeenRecord>, events: SeenEvent[]): SeenRecord[] {
  const out = new Map<string, SeenRecord>();
  for (const e of events) out.set(e.key, applySighting(out.get(e.key) ?? prev.get(e.key), e));
  return [...out.values()];
}

/**
 * Which of a listing's keys were seen before: a key counts when it is a record's key or one of its
 * aliases (a paper seen on Hugging Face as arxiv:… is not new in Scholar under its DOI).
 */
export function seenAmong(keys: string[], records: Iterable<SeenRecord>): Set<string> {
  const wanted = new Set(keys);
  const out = new Set<string>();
  for (const r of records) {
    if (wanted.has(r.key)) out.add(r.key);
    for (const a of r.aliases) if (wanted.has(a)) out.add(a);
  }
  return out;
}

export type TriageState = 'saved' | 'dismissed' | 'seen' | 'new';

/** What an entry shows. Saved beats dismissed (saving later means interest after all). */
export function triageState(key: string, f: { saved: Set<string>; dismissed: Set<string>; seenBefore: Set<string> }): TriageState {
  if (f.saved.has(key)) return 'saved';
  if (f.dismissed.has(key)) return 'dismissed';
  return f.seenBefore.has(key) ? 'seen' : 'new';
}

export const LEDGER_KEEP = 200_000;
/** Compaction runs once the ledger exceeds this, so that it does not run on every write. */
export const LEDGER_HIGH_WATER = 220_000;

/** How many of the oldest (by last seen) records to drop: none until the high-water mark. */
export function compactionCount(size: number, keep = LEDGER_KEEP, high = LEDGER_HIGH_WATER): number {
  return size > high ? size - keep : 0;
}

/** Host and path of a URL, the ledger's "where" (queries and fragments left out). */
export function whereOf(url: string): Where {
  try {
    const u = new URL(url);
    return (u.host + u.pathname).slice(0, 300);
  } catch {
    return '';
  }
}
