// The export formats offered on the options page (lib/formats' registry), run against the
// database: a format that gives citation keys has them stored, so the next export keeps them.
import type { PapershelfDB } from '../db/database';
import { exportFormats, type ExportFormat } from '../formats';
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

function exporterOf(f: ExportFormat): Exporter {
  const run = f.storesKeys
    ? exportBibWithStableKeys
    : async (_db: PapershelfDB, papers: Paper[], settings: Settings) => f.export(papers, { settings }).text;
  return { id: f.id, label: f.label, ext: f.ext, mime: f.mime, run };
}

export const exporters: Exporter[] = exportFormats.map(exporterOf);

export type ExportScope =
  { kind: 'all' } | { kind: 'tags'; tags: string[] } | { kind: 'status'; status: ReadingStatus } | { kind: 'selection'; keys: string[] };

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
