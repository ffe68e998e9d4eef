// Reading the popup's first rows (lib/library/firstRows.ts keeps them): free of Dexie and zod,
// so the popup's first frame loads none of the database layer.
import { browser } from 'wxt/browser';
import { readingStatuses } from '../paper/limits';
import type { Paper } from '../paper/schema';

export const FIRST_ROWS_KEY = 'library:first-rows';
/** As many rows as the popup's list shows before its index is built. */
export const FIRST_ROWS = 40;

/** What a library row shows of a paper. */
export type RowPaper = Pick<Paper, 'key' | 'title' | 'authors' | 'year' | 'venue' | 'tags' | 'status' | 'starred'>;

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function parseRow(v: unknown): RowPaper | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Record<string, unknown>;
  if (typeof r.key !== 'string' || typeof r.title !== 'string' || !isStrings(r.authors) || !isStrings(r.tags)) return undefined;
  if (r.year !== undefined && typeof r.year !== 'number') return undefined;
  if (r.venue !== undefined && typeof r.venue !== 'string') return undefined;
  if (!(readingStatuses as readonly unknown[]).includes(r.status) || typeof r.starred !== 'boolean') return undefined;
  // Keys in toRows' order (rows compare equal as JSON); anything else is dropped.
  return {
    key: r.key,
    title: r.title,
    authors: r.authors,
    ...(r.year !== undefined ? { year: r.year } : {}),
    ...(r.venue !== undefined ? { venue: r.venue } : {}),
    tags: r.tags,
    status: r.status as RowPaper['status'],
    starred: r.starred,
  };
}

/** Stored rows, or undefined when there are none or they are not rows (never trusted blindly). */
export function parseRows(raw: unknown): RowPaper[] | undefined {
  if (!Array.isArray(raw) || raw.length > FIRST_ROWS) return undefined;
  const rows: RowPaper[] = [];
  for (const v of raw) {
    const row = parseRow(v);
    if (!row) return undefined;
    rows.push(row);
  }
  return rows;
}

/**
 * The stored first rows: `now` if they came within `waitMs` (the popup draws its first frame
 * with them), and `later` in any case, for a popup that had to draw before they came (a busy
 * machine) and can still show them until the database answers. Undefined: none, or not rows.
 */
export interface FirstRowsRead {
  now: RowPaper[] | undefined;
  later: Promise<RowPaper[] | undefined>;
}

export async function readFirstRows(waitMs = 60): Promise<FirstRowsRead> {
  const later = browser.storage.session.get(FIRST_ROWS_KEY).then(
    (got) => parseRows(got[FIRST_ROWS_KEY]),
    () => undefined,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), waitMs);
  });
  try {
    return { now: await Promise.race([later, late]), later };
  } finally {
    clearTimeout(timer);
  }
}
