// Which importer a file needs, from its content first and its name second.
import { importBackup } from './backup';
import { importBibtex } from './bibtex';
import type { ImportResult } from './candidate';
import { importCslJson } from './csljson';
import { importPaperMemory } from './papermemory';
import { importRis } from './ris';

export type ImportFormat = 'backup' | 'papermemory' | 'csljson' | 'bibtex' | 'ris';

function jsonKind(data: unknown): ImportFormat | null {
  if (Array.isArray(data)) {
    const first = data.find((x) => x && typeof x === 'object') as Record<string, unknown> | undefined;
    if (!first) return null;
    if ('ids' in first && 'key' in first) return 'backup';
    return 'csljson';
  }
  if (!data || typeof data !== 'object') return null;
  const o = data as Record<string, unknown>;
  if (o.format === 'papershelf-backup') return 'backup';
  const values = Object.entries(o).filter(([k]) => !k.startsWith('__')).map(([, v]) => v);
  if (values.some((v) => v && typeof v === 'object' && ('pdfLink' in v || 'addDate' in v))) return 'papermemory';
  if ('title' in o && ('type' in o || 'author' in o || 'issued' in o)) return 'csljson';
  return null;
}

export function detectFormat(name: string, text: string): ImportFormat | null {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{') || body.startsWith('[')) {
    try {
      const kind = jsonKind(JSON.parse(body));
      if (kind) return kind;
    } catch {
      /* not JSON after all: try the text formats */
    }
  }
  if (/^TY {2}- /m.test(body)) return 'ris';
  if (/^\s*@[a-z]+\s*[{(]/im.test(body)) return 'bibtex';
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'bib' || ext === 'bibtex') return 'bibtex';
  if (ext === 'ris') return 'ris';
  if (ext === 'json') return body.startsWith('[') ? 'csljson' : 'backup';
  return null;
}

const IMPORTERS: Record<ImportFormat, (text: string) => ImportResult> = {
  backup: importBackup,
  papermemory: importPaperMemory,
  csljson: importCslJson,
  bibtex: importBibtex,
  ris: importRis,
};

/** Detects and parses; an unknown format is one error, never an exception. */
export function importFile(name: string, text: string): ImportResult & { format: ImportFormat | null } {
  const format = detectFormat(name, text);
  if (!format) return { format, papers: [], errors: [{ where: name || 'file', message: 'unrecognised format (expected .bib, .ris, CSL-JSON, a Papershelf backup or a PaperMemory export)' }] };
  const got = IMPORTERS[format](text);
  if (!got.papers.length && !got.errors.length) got.errors.push({ where: name || 'file', message: 'no paper found in this file' });
  return { format, ...got };
}
