// A highlight: a passage of a paper's text, anchored with W3C Web Annotation selectors
// (https://www.w3.org/TR/annotation-model/#selectors) and stored under the paper's key.
import * as z from 'zod/mini';
import { HIGHLIGHT_COLORS, HIGHLIGHT_LIMITS } from './highlightLimits';

export { HIGHLIGHT_COLORS, HIGHLIGHT_LIMITS, type HighlightColor } from './highlightLimits';

export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().check(z.minLength(1), z.maxLength(HIGHLIGHT_LIMITS.quote)),
  prefix: z.optional(z.string().check(z.maxLength(HIGHLIGHT_LIMITS.context))),
  suffix: z.optional(z.string().check(z.maxLength(HIGHLIGHT_LIMITS.context))),
});
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;

const offset = z.number().check(z.int(), z.gte(0), z.lte(1e9));
export const textPositionSelectorSchema = z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset });
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>;

export const highlightSelectorsSchema = z.object({ quote: textQuoteSelectorSchema, position: z.optional(textPositionSelectorSchema) });
export type HighlightSelectors = z.infer<typeof highlightSelectorsSchema>;

export const highlightColorSchema = z.enum(HIGHLIGHT_COLORS);
export const highlightIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));

export const highlightSchema = z.object({
  id: highlightIdSchema,
  /** The paper's canonical key (version-less for arXiv, so v1 highlights follow to v2). */
  key: z.string().check(z.minLength(1), z.maxLength(2100)),
  selectors: highlightSelectorsSchema,
  color: highlightColorSchema,
  comment: z.optional(z.string().check(z.maxLength(HIGHLIGHT_LIMITS.comment))),
  /** Where it was made (the deep link opens this page at the passage). */
  url: z.string().check(z.maxLength(2048)),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Highlight = z.infer<typeof highlightSchema>;

export function newHighlightId(rand: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  return Array.from(rand(12), (b) => b.toString(16).padStart(2, '0')).join('');
}
