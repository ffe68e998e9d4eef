// OpenReview API (v2) client: https://docs.openreview.net/reference/api-v2 — a forum's note.
// Content fields are wrapped: `content.title.value`.
import * as z from 'zod';
import { cleanText, yearOf } from '../paper/text';
import { compact, type Completion } from './completion';
import { getText, LookupError, type FetchFn } from './http';

const value = <T extends z.ZodType>(t: T) => z.object({ value: t }).optional();
const noteSchema = z.object({
  id: z.string(),
  forum: z.string().optional(),
  pdate: z.number().nullish(),
  cdate: z.number().nullish(),
  content: z.object({
    title: value(z.string()),
    authors: value(z.array(z.string())),
    abstract: value(z.string()),
    venue: value(z.string()),
    venueid: value(z.string()),
  }),
});
const notesSchema = z.object({ notes: z.array(noteSchema) });

/** "ICLR 2024 poster" is a publication; "Submitted to ICLR 2024" or a withdrawn paper is not. */
function acceptedVenue(venue: string, venueid: string): string | undefined {
  if (!venue || /^submitted to\b|withdrawn|rejected|desk reject/i.test(venue) || /\/(Submission|Withdrawn|Rejected)/i.test(venueid)) return undefined;
  return venue.replace(/\s+(poster|oral|spotlight|notable[\w\s%-]*|top[\w\s%-]*)$/i, '');
}

export function noteToCompletion(n: z.infer<typeof noteSchema>): Completion {
  const c = n.content;
  const venue = acceptedVenue(cleanText(c.venue?.value), c.venueid?.value ?? '');
  const when = n.pdate ?? n.cdate;
  return compact({
    from: 'openreview' as const,
    ids: { openreview: n.forum ?? n.id },
    title: cleanText(c.title?.value),
    authors: (c.authors?.value ?? []).map(cleanText).filter(Boolean),
    abstract: cleanText(c.abstract?.value),
    venue,
    type: venue ? ('conference' as const) : undefined,
    year: yearOf(venue) ?? (when ? new Date(when).getUTCFullYear() : undefined),
  });
}

export async function fetchOpenReview(fetchFn: FetchFn, forum: string, base = 'https://api2.openreview.net'): Promise<Completion | null> {
  const body = await getText(fetchFn, `${base}/notes?id=${encodeURIComponent(forum)}`, 'application/json');
  if (body === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new LookupError(`OpenReview ${forum}: malformed JSON`, false);
  }
  const parsed = notesSchema.safeParse(json);
  if (!parsed.success) throw new LookupError(`OpenReview ${forum}: unexpected response`, false);
  const note = parsed.data.notes[0];
  return note ? noteToCompletion(note) : null;
}
