// Reply types (kept apart from the zod schemas so the content script can import them).
import type { Highlight } from '../paper/highlight';

/** Replies, by request type. */
export interface Replies {
  detected: { saved: string[] };
  save: { saved: string[] };
  remove: { removed: string[]; kept: string[] };
  savedAmong: { saved: string[] };
  highlightsOf: { highlights: Highlight[] };
  highlightAdd: { highlight: Highlight };
  quoteToNote: { key?: string };
  seen: { recorded: number };
  /** `ledger`: whether the seen ledger is on (off: nothing is new, nothing is recorded). */
  seenLookup: { ledger: boolean; seen: string[]; dismissed: string[] };
  dismiss: { dismissed: boolean };
  markSeen: { recorded: number };
  seenRecent: { records: SeenItem[] };
  clearSeen: { cleared: true };
  annotate: { saved: string[] };
}

/** A "Seen recently" row (lib/triage/ledger.ts SeenRecord, as the popup shows it). */
export interface SeenItem {
  key: string;
  aliases: string[];
  title: string;
  authors: string[];
  year?: number;
  venue?: string;
  first: number;
  last: number;
  firstWhere: string;
  lastWhere: string;
  count: number;
}

export type ErrorReply = { error: string };

export function isErrorReply(x: unknown): x is ErrorReply {
  return typeof x === 'object' && x !== null && typeof (x as ErrorReply).error === 'string';
}
