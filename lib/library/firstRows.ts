// The popup's first rows, kept ready in storage.session: the newest papers as the list shows
// them. Opening IndexedDB and querying it takes the popup ~50–100 ms after its script runs;
// storage.session answers in a few, so the popup's first frame already has its rows. The
// database stays the truth: its own answer replaces these rows as soon as it comes.
import { browser } from 'wxt/browser';
import type { PapershelfDB } from '../db/database';
import type { Paper } from '../paper/schema';
import { FIRST_ROWS, FIRST_ROWS_KEY, type RowPaper } from './firstRowsRead';

export { FIRST_ROWS, FIRST_ROWS_KEY, parseRows, readFirstRows, type FirstRowsRead, type RowPaper } from './firstRowsRead';

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

const sameRows = (a: readonly RowPaper[], b: readonly RowPaper[]) => JSON.stringify(a) === JSON.stringify(b);

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
  // Trailing: `delayMs` after the last write of a burst (each write of the library now also
  // writes its change record, so a burst of saves lasts longer than one window).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    timer = undefined;
    void refreshFirstRows(db);
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(refresh, delayMs);
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
