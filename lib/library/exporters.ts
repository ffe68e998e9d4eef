// The export formats offered on the options page, by id: label, file extension, MIME type.
import type { PapershelfDB } from '../db/database';
import { toBackup } from '../formats/backup';
import { toCslJson } from '../formats/csljson';
import { toCsv } from '../formats/csv';
import { toMarkdown } from '../formats/markdown';
import { toRis } from '../formats/ris';
import type { Paper, ReadingStatus } from '../paper/schema';
import type { Settings } from '../settings/schema';
import { exportBibWithStableKeys } from './bib';

export interface Exporter {
  id: string;
  /** Shown on buttons: "Export <label>", "Copy <label>". */
  label: string;
  ext: string;
  mime: string;
  run(db: PapershelfDB, papers: Paper[], settings: Settings): Promise<string>;
}

export const exporters: Exporter[] = [
  { id: 'bibtex', label: 'BibTeX', ext: 'bib', mime: 'application/x-bibtex', run: (db, papers, s) => exportBibWithStableKeys(db, papers, s) },
  { id: 'ris', label: 'RIS', ext: 'ris', mime: 'application/x-research-info-systems', run: async (_db, papers) => toRis(papers) },
  { id: 'csljson', label: 'CSL-JSON', ext: 'json', mime: 'application/vnd.citationstyles.csl+json', run: async (_db, papers, s) => toCslJson(papers, s.citationKeyFormat) },
  { id: 'markdown', label: 'Markdown', ext: 'md', mime: 'text/markdown', run: async (_db, papers) => toMarkdown(papers) },
  { id: 'csv', label: 'CSV', ext: 'csv', mime: 'text/csv', run: async (_db, papers) => toCsv(papers) },
  { id: 'backup', label: 'JSON backup', ext: 'json', mime: 'application/json', run: async (_db, papers) => toBackup(papers) },
];

export type ExportScope =
  | { kind: 'all' }
  | { kind: 'tags'; tags: string[] }
  | { kind: 'status'; status: ReadingStatus }
  | { kind: 'selection'; keys: string[] };

/** The papers of a scope, oldest first (the order a bibliography grows in). */
export async function papersInScope(db: PapershelfDB, scope: ExportScope): Promise<Paper[]> {
  switch (scope.kind) {
    case 'all':
      return db.papers.orderBy('addedAt').toArray();
    case 'tags':
      return (await db.papers.where('tags').anyOf(scope.tags).distinct().toArray()).sort((a, b) => a.addedAt - b.addedAt);
    case 'status':
      return (await db.papers.where('status').equals(scope.status).toArray()).sort((a, b) => a.addedAt - b.addedAt);
    case 'selection':
      return (await db.papers.bulkGet(scope.keys)).filter((p): p is Paper => !!p);
  }
}
