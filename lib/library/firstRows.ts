// The popup's first rows, kept ready in storage.session: the newest papers as the list shows
// them. Opening IndexedDB and querying it takes the popup ~50–100 ms after its script runs;
// storage.session answers in a few, so the popup's first frame already has its rows. The
// database stays the truth: its own answer replaces these rows as soon as it comes.
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { PapershelfDB } from '../db/database';
import { readingStatusSchema, type Paper } from '../paper/schema';

export const FIRST_ROWS_KEY = 'library:first-rows';
/** As many rows as the popup's list shows before its index is built. */
export const FIRST_ROWS = 40;

/** What a library row shows of a paper. */
export type RowPaper = Pick<Paper, 'key' | 'title' | 'authors' | 'year' | 'venue' | 'tags' | 'status' | 'starred'>;

const rowSchema = z.object({
  key: z.string(),
  title: z.string(),
  authors: z.array(z.string()),
  year: z.optional(z.number()),
  venue: z.optional(z.string()),
  tags: z.array(z.string()),
  status: readingStatusSchema,
  starred: z.boolean(),
});
const rowsSchema = z.array(rowSchema).check(z.maxLength(FIRST_ROWS));

/** The rows of the newest papers (newest first); a row keeps three authors, all a byline shows. */
export function toRows(papers: readonly Paper[]): RowPaper[] {
  // Keys in the schema's order, as parseRows gives them back: rows compare equal as JSON.
  return papers.slice(0, FIRST_ROWS).map((p) => ({
    key: p.key,
    title: p.title,
    authors: p.authors.slice(0, 3),
    ...(p.year !== undefined ? { year: p.year } : {}),
    ...(p.venue !== undefined ? { venue: p.venue } : {}),
    tags: p.tags,
    status: p.status,
    starred: p.starred,
  }));
}

/** Stored rows, or undefined when there are none or they are not rows (never trusted blindly). */
export function parseRows(raw: unknown): RowPaper[] | undefined {
  const got = rowsSchema.safeParse(raw);
  return got.success ? got.data : undefined;
}

const sameRows = (a: readonly RowPaper[], b: readonly RowPaper[]) => JSON.stringify(a) === JSON.stringify(b);

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

/** Stores `rows` unless they are what is stored already (`known`). */
export async function storeFirstRows(rows: RowPaper[], known?: readonly RowPaper[]): Promise<void> {
  if (known && sameRows(rows, known)) return;
  await browser.storage.session.set({ [FIRST_ROWS_KEY]: rows });
}

/** The papers the first rows show: the newest, newest first (the popup's query too). */
export const newestPapers = (db: PapershelfDB): Promise<Paper[]> => db.papers.orderBy('addedAt').reverse().limit(FIRST_ROWS).toArray();

/** Stores the rows of the newest papers in `db` now (a failure is logged: they are a cache). */
export function refreshFirstRows(db: PapershelfDB): Promise<void> {
  return newestPapers(db)
    .then((papers) => storeFirstRows(toRows(papers)))
    .catch((e: unknown) => console.warn('Papershelf: could not keep the popup’s first rows', e));
}

/**
 * Keeps the stored first rows up to date with every write to the papers made through `db` (in
 * whatever context: the background's saves, the popup's edits, the options page's imports). A
 * burst of writes (an import) gives one refresh; the refresh's query runs after the writes'
 * transaction has committed, as IndexedDB orders them.
 */
export function keepFirstRows(db: PapershelfDB, delayMs = 50): void {
  // Trailing: `delayMs` after the last write of a burst, and at the latest 5 × `delayMs` after its first.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = 0;
  const refresh = () => {
    timer = undefined;
    first = 0;
    void refreshFirstRows(db);
  };
  const schedule = () => {
    const now = Date.now();
    first ||= now;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(refresh, Math.max(0, Math.min(delayMs, first + 5 * delayMs - now)));
  };
  db.use({
    stack: 'dbcore',
    name: 'first-rows',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'papers') return table;
        return {
          ...table,
          mutate: (req) =>
            table.mutate(req).then((res) => {
              schedule();
              return res;
            }),
        };
      },
    }),
  });
}
