// The paper model. zod/mini keeps the content-script bundle small; the schemas are the
// single source of the types used everywhere else.
import * as z from 'zod/mini';
import { LIMITS, paperTypeList, readingStatuses } from './limits';

const text = (max: number) => z.string().check(z.maxLength(max));

export const identifiersSchema = z.object({
  arxiv: z.optional(text(40)),
  doi: z.optional(text(300)),
  openreview: z.optional(text(80)),
  pmid: z.optional(text(20)),
  pmcid: z.optional(text(20)),
  acl: z.optional(text(80)),
  dblp: z.optional(text(300)),
  s2: z.optional(text(80)),
  /** Normalised URL of the paper's landing page, used as the last-resort identity. */
  url: z.optional(text(2048)),
});
export type Identifiers = z.infer<typeof identifiersSchema>;

export { paperTypeList };
export const paperTypeSchema = z.enum(paperTypeList);
export type PaperType = z.infer<typeof paperTypeSchema>;

/**
 * A name as a bibliography file gave it, in parts, so that an export writes it back as it came
 * (`{Gómez Calero}, C.`; a corporate `{Beijing Zoo}` as a literal). The display strings in
 * `authors`/`editors` stay the names everywhere else; a part list is used only while its display
 * form still matches them.
 */
export const nameSchema = z.object({
  family: z.optional(text(LIMITS.author)),
  given: z.optional(text(LIMITS.author)),
  prefix: z.optional(text(LIMITS.author)),
  suffix: z.optional(text(LIMITS.author)),
  literal: z.optional(text(LIMITS.author)),
});
export type NameParts = z.infer<typeof nameSchema>;

/** What a detector (or an importer) knows about a paper. */
export const paperMetaSchema = z.object({
  key: text(2100),
  ids: identifiersSchema,
  title: z.string().check(z.minLength(1), z.maxLength(LIMITS.title)),
  authors: z.array(text(LIMITS.author)).check(z.maxLength(LIMITS.authors)),
  /** The parts of each author's name, when a file gave them (see nameSchema). */
  authorNames: z.optional(z.array(nameSchema).check(z.maxLength(LIMITS.authors))),
  /** Editors (BibTeX `editor`, RIS A2/A3/ED, CSL `editor`), display form like `authors`. */
  editors: z.optional(z.array(text(LIMITS.author)).check(z.maxLength(LIMITS.authors))),
  editorNames: z.optional(z.array(nameSchema).check(z.maxLength(LIMITS.authors))),
  year: z.optional(z.number().check(z.int(), z.gte(1000), z.lte(3000))),
  date: z.optional(text(40)),
  venue: z.optional(text(LIMITS.venue)),
  type: paperTypeSchema,
  abstract: z.optional(text(LIMITS.abstract)),
  absUrl: z.optional(text(2048)),
  pdfUrl: z.optional(text(2048)),
  source: text(100),
  arxivCategory: z.optional(text(40)),
  arxivVersion: z.optional(z.number().check(z.int(), z.gte(1))),
  volume: z.optional(text(LIMITS.short)),
  number: z.optional(text(LIMITS.short)),
  pages: z.optional(text(LIMITS.short)),
  publisher: z.optional(text(500)),
});
export type PaperMeta = z.infer<typeof paperMetaSchema>;

export { readingStatuses };
export const readingStatusSchema = z.enum(readingStatuses);
export type ReadingStatus = z.infer<typeof readingStatusSchema>;

/** A saved paper: metadata plus what the user added. */
export const paperSchema = z.extend(paperMetaSchema, {
  tags: z.array(text(200)),
  note: z.string(),
  status: readingStatusSchema,
  starred: z.boolean(),
  addedAt: z.number(),
  updatedAt: z.number(),
  /** Other canonical keys this record is known under (arXiv id of a published paper…). */
  aliases: z.array(text(2100)),
  citationKey: z.optional(text(200)),
  citationKeyPinned: z.optional(z.boolean()),
  /** Metadata fields the user edited by hand; completion never overwrites them. */
  edited: z.optional(z.array(text(40))),
});
export type Paper = z.infer<typeof paperSchema>;

export function newPaper(meta: PaperMeta, now = Date.now()): Paper {
  return { ...meta, tags: [], note: '', status: 'unread', starred: false, addedAt: now, updatedAt: now, aliases: [] };
}
