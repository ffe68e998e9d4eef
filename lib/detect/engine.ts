// Runs the given adapters on a page, contains their failures, merges with the generic layer.
// (registry.ts's runDetection passes the whole registry; content scripts their own site's adapter.)
import { canonicalKey } from '../paper/identity';
import { fillGaps } from '../paper/merge';
import type { PaperMeta } from '../paper/schema';
import { cleanText } from '../paper/text';
import { siteFallbacks, standards } from './generic';
import { adaptersFor } from './match';
import { keyOf, type Detection, type Generic, type SiteAdapter } from './types';

export interface RunOptions {
  adapters: SiteAdapter[];
  /** Page-level standards (default: generic/index.ts `standards`). */
  generics?: Generic[];
  /** Tried only when nothing else found a paper (default: `siteFallbacks`; the generic script passes `fallbacks`). */
  fallbacks?: Generic[];
  /** False restricts detection to known sites (the generic layer is skipped elsewhere). */
  genericEverywhere?: boolean;
  /** Adapter ids the user switched off. */
  disabled?: string[];
}

export interface RunResult {
  detections: Detection[];
  errors: { source: string; message: string }[];
}

/** Same paper seen by two detectors: `a` (the more trusted) wins field by field, `b` fills the gaps. */
export function completeMeta(a: PaperMeta, b: PaperMeta): PaperMeta {
  const out = fillGaps(a, b, { guessedType: true });
  return { ...out, key: canonicalKey(out.ids) ?? a.key };
}

/** Two detections of one paper (same key): `a`'s anchor and fields first. */
export const mergeDetections = (a: Detection, b: Detection): Detection => ({
  paper: completeMeta(a.paper, b.paper),
  anchor: a.anchor ?? b.anchor,
  placement: a.anchor ? a.placement : b.placement,
});

function dedupe(list: Detection[]): Detection[] {
  const seen = new Map<string, Detection>();
  for (const d of list) {
    const key = keyOf(d);
    const prev = seen.get(key);
    seen.set(key, prev ? mergeDetections(prev, d) : d);
  }
  return [...seen.values()];
}

const sameTitle = (a: PaperMeta, b: PaperMeta) => cleanText(a.title).toLowerCase() === cleanText(b.title).toLowerCase();

/**
 * Adds what one generic found. On a single-paper page, a single paper under another key is the
 * same paper known by other ids when the titles agree (merged), else a stray item (dropped).
 */
function addGeneric(found: Detection[], got: Detection[]): Detection[] {
  if (found.length === 1 && got.length === 1 && keyOf(got[0]) !== keyOf(found[0])) {
    return sameTitle(found[0].paper, got[0].paper) ? [mergeDetections(found[0], got[0])] : found;
  }
  return dedupe([...found, ...got]);
}

export function detectWith(doc: Document, url: URL, opts: RunOptions): RunResult {
  const errors: RunResult['errors'] = [];
  const disabled = new Set(opts.disabled ?? []);
  const site = adaptersFor(url, opts.adapters).filter((a) => !disabled.has(a.id));
  let found: Detection[] = [];
  for (const a of site) {
    try {
      found.push(...a.detect(doc, url));
    } catch (e) {
      errors.push({ source: a.id, message: e instanceof Error ? e.message : String(e) });
    }
  }
  found = dedupe(found);
  // Generic metadata completes a single-paper page, or stands in where no adapter knows the site.
  const runGeneric = site.length > 0 ? found.length <= 1 : opts.genericEverywhere !== false;
  if (runGeneric && !disabled.has('generic')) {
    const fallbacks = opts.fallbacks ?? siteFallbacks;
    for (const g of [...(opts.generics ?? standards), ...fallbacks]) {
      if (found.length && fallbacks.includes(g)) continue;
      try {
        found = addGeneric(found, dedupe(g(doc, url)));
      } catch (e) {
        errors.push({ source: g.name || 'generic', message: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  return { detections: dedupe(found), errors };
}
