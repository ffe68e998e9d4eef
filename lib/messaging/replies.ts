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
}


export type ErrorReply = { error: string };

export function isErrorReply(x: unknown): x is ErrorReply {
  return typeof x === 'object' && x !== null && typeof (x as ErrorReply).error === 'string';
}
