// Which importer a file needs, from its content first and its name second (the formats and how
// each is recognised are listed once, in lib/formats/index.ts).
import { importFormats, type FormatId } from '../index';
import type { ImportResult } from './candidate';

export type ImportFormat = FormatId;

export function detectFormat(name: string, text: string): ImportFormat | null {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  let json: unknown;
  if (body.startsWith('{') || body.startsWith('[')) {
    try {
      json = JSON.parse(body);
    } catch {
      /* not JSON after all: try the text formats */
    }
  }
  const byContent = importFormats.find((f) => f.detect.content?.(body, json));
  if (byContent) return byContent.id;
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return (ext && importFormats.find((f) => f.detect.name?.(ext, body))?.id) || null;
}

/** Detects and parses; an unknown format is one error, never an exception. */
export function importFile(name: string, text: string): ImportResult & { format: ImportFormat | null } {
  const format = detectFormat(name, text);
  const importer = format && importFormats.find((f) => f.id === format);
  if (!importer)
    return {
      format: null,
      papers: [],
      errors: [
        { where: name || 'file', message: 'unrecognised format (expected .bib, .ris, CSL-JSON, a Papershelf backup or a PaperMemory export)' },
      ],
    };
  const got = importer.import(text);
  if (!got.papers.length && !got.errors.length) got.errors.push({ where: name || 'file', message: 'no paper found in this file' });
  return { format, ...got };
}
