/** Length limits of scraped fields: the zod schema enforces them, makePaper clamps to them. */
export const LIMITS = { title: 20_000, abstract: 100_000, venue: 1000, author: 1000, authors: 5000, short: 100 } as const;

/** Kept free of zod so the content scripts can check types without bundling it. */
export const paperTypeList = ['preprint', 'conference', 'journal', 'other'] as const;

/** The reading statuses, in the order a merge ranks them (zod-free for the same reason). */
export const readingStatuses = ['unread', 'reading', 'read'] as const;
