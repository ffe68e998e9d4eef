// Highlight constants without zod: the content script's highlight chunk imports these, and
// validation belongs to the background.
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export const HIGHLIGHT_LIMITS = {
  /** A longer selection is clamped to this many characters (the toolbar says so). */
  quote: 2000,
  context: 64,
  comment: 4000,
} as const;
