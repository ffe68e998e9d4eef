// The mirror of a paper's highlights in storage.local (written by lib/library/highlightMirror.ts
// only, read by the highlight chunk at document_start): the list the background would answer to
// `highlightsOf`, stored under each key of the paper (its canonical key and its aliases), so that
// a page's URL alone finds it without a round trip through the service worker and IndexedDB.
import type { Highlight } from './highlight';

export const HIGHLIGHT_MIRROR_PREFIX = 'hl:';

export const mirrorKey = (paperKey: string): string => HIGHLIGHT_MIRROR_PREFIX + paperKey;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * A stored list, or undefined when there is none or it is not one (shape only, no zod: the chunk
 * loads no schema library; only the library writes these, from validated rows).
 */
export function parseMirror(raw: unknown): Highlight[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  for (const h of raw as unknown[]) {
    if (!isObject(h) || typeof h.id !== 'string' || typeof h.key !== 'string' || typeof h.color !== 'string') return undefined;
    if (!isObject(h.selectors) || !isObject(h.selectors.quote) || typeof h.selectors.quote.exact !== 'string') return undefined;
  }
  return raw as Highlight[];
}
