// Merging what is known of one paper into its saved record.
import { allKeys } from './identity';
import type { Paper, PaperMeta } from './schema';

/** Fields of `meta` fill the record's gaps; what the user edited stays. */
export function mergeMeta(saved: Paper, meta: PaperMeta): Paper {
  const edited = new Set(saved.edited ?? []);
  const out: Paper = { ...saved, ids: { ...meta.ids, ...saved.ids } };
  for (const [k, v] of Object.entries(meta) as [keyof PaperMeta, unknown][]) {
    if (k === 'key' || k === 'ids' || edited.has(k) || v === undefined) continue;
    const cur = saved[k];
    const empty = cur === undefined || cur === '' || (Array.isArray(cur) && cur.length === 0);
    if (empty) (out as Record<string, unknown>)[k] = v;
  }
  const aliases = new Set([...saved.aliases, ...allKeys(meta.ids), meta.key]);
  aliases.delete(saved.key);
  out.aliases = [...aliases];
  return out;
}
