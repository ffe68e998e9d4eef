// The one message protocol. Every message is validated where it arrives: content scripts
// live inside untrusted pages, so nothing they send is taken on trust.
import * as z from 'zod/mini';
import { highlightColorSchema, highlightSelectorsSchema, HIGHLIGHT_LIMITS } from '../paper/highlight';
import { paperMetaSchema, type PaperMeta } from '../paper/schema';
import { LIMITS } from '../paper/limits';

const keys = z.array(z.string().check(z.maxLength(2100))).check(z.maxLength(20_000));
// Papers are checked one by one (see validPapers): one bad entry must not void a whole page.
const papers = z.array(z.unknown()).check(z.maxLength(20_000));

/** The papers of a message that pass the schema; the others are dropped and counted. */
export function validPapers(list: unknown[]): { papers: PaperMeta[]; rejected: number } {
  const out: PaperMeta[] = [];
  for (const p of list) {
    const r = paperMetaSchema.safeParse(p);
    if (r.success) out.push(r.data);
  }
  return { papers: out, rejected: list.length - out.length };
}

const key = z.string().check(z.maxLength(2100));
/** One listing entry seen (lib/triage/ledger.ts SeenEvent; the background stamps the time itself). */
const sighting = z.object({
  key,
  aliases: z.array(key).check(z.maxLength(20)),
  title: z.string().check(z.maxLength(LIMITS.title)),
  authors: z.array(z.string().check(z.maxLength(LIMITS.author))).check(z.maxLength(8)),
  year: z.optional(z.number().check(z.int())),
  venue: z.optional(z.string().check(z.maxLength(LIMITS.venue))),
});
export type Sighting = z.infer<typeof sighting>;

/** Messages to the background, from content scripts and extension pages. */
export const toBackground = z.discriminatedUnion('type', [
  /** The papers a content script sees now (replaces the tab's previous report). */
  z.object({ type: z.literal('detected'), url: z.string().check(z.maxLength(8192)), papers }),
  z.object({ type: z.literal('save'), papers }),
  /** `ifBare`: remove only records without note or tags (an inline click must not lose notes). */
  z.object({ type: z.literal('remove'), keys, ifBare: z.optional(z.boolean()) }),
  z.object({ type: z.literal('savedAmong'), keys }),
  /** Highlights (issue 20), from the content script of a page showing one paper. */
  z.object({ type: z.literal('highlightsOf'), key: z.string().check(z.maxLength(2100)) }),
  /** Made by a trusted click in the toolbar (or the shortcut); the paper is saved if it is not. */
  z.object({
    type: z.literal('highlightAdd'),
    paper: paperMetaSchema,
    selectors: highlightSelectorsSchema,
    color: highlightColorSchema,
    comment: z.optional(z.string().check(z.maxLength(HIGHLIGHT_LIMITS.comment))),
    url: z.string().check(z.maxLength(2048)),
  }),
  /** "Add to note" in the toolbar: the context menu's path, for the tab's paper. */
  z.object({ type: z.literal('quoteToNote'), text: z.string().check(z.minLength(1), z.maxLength(100_000)) }),
  // Daily triage (lib/triage). Sightings come in batches from a page; `url` says where.
  z.object({ type: z.literal('seen'), url: z.string().check(z.maxLength(8192)), entries: z.array(sighting).check(z.maxLength(2000)) }),
  /** A listing's keys, once its controls are placed: which were seen before, which dismissed. */
  z.object({ type: z.literal('seenLookup'), keys }),
  z.object({ type: z.literal('dismiss'), key, undo: z.optional(z.boolean()) }),
  /** The popup's "Mark all seen" for a tab. */
  z.object({
    type: z.literal('markSeen'),
    tabId: z.number().check(z.int()),
    url: z.string().check(z.maxLength(8192)),
    entries: z.array(sighting).check(z.maxLength(20_000)),
  }),
  /** Extension pages only: "Seen recently", and "Clear history". */
  z.object({ type: z.literal('seenRecent'), days: z.number().check(z.gte(0), z.lte(400)), limit: z.number().check(z.int(), z.gte(1), z.lte(5000)) }),
  z.object({ type: z.literal('clearSeen') }),
  /** Keyboard triage's `t` and `n`: save the paper (if needed) and add tags or a note. */
  z.object({
    type: z.literal('annotate'),
    papers: z.array(z.unknown()).check(z.maxLength(1)),
    tags: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50))),
    note: z.optional(z.string().check(z.maxLength(100_000))),
  }),
]);
export type ToBackground = z.infer<typeof toBackground>;

export type { Replies, ErrorReply } from './replies';
export { isErrorReply } from './replies';
