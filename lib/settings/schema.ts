// User settings: validated on read (a bad stored value falls back to the default, field by field).
import * as z from 'zod/mini';

export const settingsSchema = z.object({
  /** Adapter ids switched off (and 'generic' for the generic layer). */
  disabledSites: z._default(z.array(z.string()), []),
  inlineButtons: z._default(z.boolean(), true),
  /** 'all': generic detection on every page; 'known': only on the supported sites. */
  detectOn: z._default(z.enum(['all', 'known']), 'all'),
  citationKeyFormat: z._default(z.string().check(z.maxLength(200)), '[auth][year][shorttitle]'),
  bibFlavour: z._default(z.enum(['bibtex', 'biblatex']), 'bibtex'),
  bibEncoding: z._default(z.enum(['utf8', 'latex']), 'utf8'),
  bibIncludeAbstract: z._default(z.boolean(), false),
  bibIncludeNote: z._default(z.boolean(), false),
  /** BibTeX export: the paper's highlights and their comments in annote (annotation in BibLaTeX). */
  bibIncludeHighlights: z._default(z.boolean(), false),
  theme: z._default(z.enum(['system', 'light', 'dark']), 'system'),
  /** Metadata completion from public APIs (arXiv, Crossref, Semantic Scholar, OpenReview). */
  networkLookups: z._default(z.boolean(), true),
  /** Daily triage (lib/triage): remember what was seen on listings, locally. Off: nothing is recorded. */
  seenLedger: z._default(z.boolean(), true),
  /** Dim listing entries seen on an earlier page load (dismissed entries are always dimmed). */
  dimSeen: z._default(z.boolean(), false),
  /** Hide instead of dim: 'dismissed' entries, or 'all' that is dimmed (dismissed, and seen with dimSeen); a "1 hidden · show" stays. */
  hideInsteadOfDim: z._default(z.enum(['off', 'dismissed', 'all']), 'off'),
  /** What the toolbar badge counts: every paper on the tab, or only those never seen before. */
  badgeCount: z._default(z.enum(['all', 'new']), 'all'),
  /** j/k/s/x/o/t/n/? on listings. 'auto': on the known sites (none has single-key shortcuts of its own), off elsewhere. */
  keyboardTriage: z._default(z.enum(['auto', 'on', 'off']), 'auto'),
  /** Watch list, one rule a line (see lib/triage/watch.ts): keywords, `author:`, `cat:`, `venue:`. */
  watchList: z._default(z.array(z.string().check(z.maxLength(300))).check(z.maxLength(200)), []),
});
export type Settings = z.infer<typeof settingsSchema>;

export const SETTINGS_KEY = 'settings';

/** Parses what storage holds; any invalid field gets its default, the rest is kept. */
export function readSettings(raw: unknown): Settings {
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const whole = settingsSchema.safeParse(obj);
  if (whole.success) return whole.data;
  const defaults = settingsSchema.parse({});
  const out: Record<string, unknown> = { ...defaults };
  for (const k of Object.keys(defaults)) {
    const one = settingsSchema.safeParse({ ...defaults, [k]: obj[k] });
    if (one.success) out[k] = (one.data as Record<string, unknown>)[k];
  }
  return out as Settings;
}
