// Runs the adapters for a page, contains their failures, merges with the generic layer.
import type { PaperMeta } from '../paper/schema';
import { adapters as allAdapters, adaptersFor, generics as allGenerics } from './registry';
import type { Detection, Generic, SiteAdapter } from './types';

export interface RunOptions {
  adapters?: SiteAdapter[];
  generics?: Generic[];
  /** False restricts detection to known sites (the generic layer is skipped elsewhere). */
  genericEverywhere?: boolean;
  /** Adapter ids the user switched off. */
  disabled?: string[];
}

export interface RunResult {
  detections: Detection[];
  errors: { source: string; message: string }[];
}

/** Fills the fields `a` lacks from `b` (same paper seen by two detectors). */
export function completeMeta(a: PaperMeta, b: PaperMeta): PaperMeta {
  const out: PaperMeta = { ...b, ...a, ids: { ...b.ids, ...a.ids } };
  if (!a.authors.length && b.authors.length) out.authors = b.authors;
  return out;
}

export function dedupe(list: Detection[]): Detection[] {
  const seen = new Map<string, Detection>();
  for (const d of list) {
    const prev = seen.get(d.paper.key);
    if (!prev) seen.set(d.paper.key, d);
    else seen.set(d.paper.key, { ...prev, paper: completeMeta(prev.paper, d.paper), anchor: prev.anchor ?? d.anchor });
  }
  return [...seen.values()];
}

export function runDetection(doc: Document, url: URL, opts: RunOptions = {}): RunResult {
  const errors: RunResult['errors'] = [];
  const disabled = new Set(opts.disabled ?? []);
  const site = adaptersFor(url, opts.adapters ?? allAdapters).filter((a) => !disabled.has(a.id));
  const found: Detection[] = [];
  for (const a of site) {
    try {
      found.push(...a.detect(doc, url));
    } catch (e) {
      errors.push({ source: a.id, message: e instanceof Error ? e.message : String(e) });
    }
  }
  // Generic metadata completes a single-paper page, or stands in where no adapter knows the site.
  const runGeneric = site.length > 0 ? found.length <= 1 : opts.genericEverywhere !== false;
  if (runGeneric && !disabled.has('generic')) {
    for (const g of opts.generics ?? allGenerics) {
      try {
        const got = g(doc, url);
        if (found.length === 1 && got.length === 1 && got[0].paper.key !== found[0].paper.key) continue;
        found.push(...got);
      } catch (e) {
        errors.push({ source: g.name || 'generic', message: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  return { detections: dedupe(found), errors };
}
