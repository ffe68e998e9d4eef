// BibTeX / BibLaTeX export of a set of papers, with stable citation keys.
import type { Highlight } from '../paper/highlight';
import type { Paper } from '../paper/schema';
import { writeEntry, type BibFlavour } from './bibentry';
import { assignCitationKeys, DEFAULT_KEY_FORMAT, formatCitationKey, safeKey, storedKey } from './citekey';
import type { BibEncoding } from './latex';

export { escapeBib } from './latex';

export interface BibOptions {
  flavour?: BibFlavour;
  encoding?: BibEncoding;
  includeAbstract?: boolean;
  includeNote?: boolean;
  /** Write each paper's highlights (from `highlights`) in annote. */
  includeHighlights?: boolean;
  /** Highlights by paper key (lib/formats stays pure: the caller reads them). */
  highlights?: Map<string, Highlight[]>;
  keyFormat?: string;
  /** The whole library: keys stored on records outside the export are not reused. */
  library?: Paper[];
}

/** Maps the options-page settings onto BibOptions. */
export function bibOptionsFromSettings(s: {
  citationKeyFormat: string;
  bibFlavour: BibFlavour;
  bibEncoding: BibEncoding;
  bibIncludeAbstract: boolean;
  bibIncludeNote: boolean;
  bibIncludeHighlights?: boolean;
}): BibOptions {
  return {
    keyFormat: s.citationKeyFormat,
    flavour: s.bibFlavour,
    encoding: s.bibEncoding,
    includeAbstract: s.bibIncludeAbstract,
    includeNote: s.bibIncludeNote,
    includeHighlights: s.bibIncludeHighlights ?? false,
  };
}

/**
 * The .bib text, and the citation keys given to papers that had none (paper key → citation key):
 * the caller stores them so the next export uses the same keys.
 */
export function exportBibtex(papers: Paper[], options: BibOptions = {}): { text: string; assignedKeys: Map<string, string> } {
  const inExport = new Set(papers.map((p) => p.key));
  const reserved = (options.library ?? []).filter((p) => !inExport.has(p.key) && p.citationKey).map((p) => p.citationKey!);
  const { keys, assigned } = assignCitationKeys(papers, { template: options.keyFormat || DEFAULT_KEY_FORMAT, reserved });
  const entryOptions = {
    flavour: options.flavour ?? 'bibtex',
    encoding: options.encoding ?? 'utf8',
    includeAbstract: options.includeAbstract ?? false,
    includeNote: options.includeNote ?? false,
  };
  const highlights = options.includeHighlights ? options.highlights : undefined;
  // One list of parts for the whole file, joined once (see writeEntry).
  const out: string[] = [];
  for (let i = 0; i < papers.length; i++) {
    const p = papers[i];
    if (i > 0) out.push('\n');
    writeEntry(out, keys.get(p.key)!, p, highlights ? { ...entryOptions, highlights: highlights.get(p.key) } : entryOptions);
  }
  const text = out.join('');
  return { text, assignedKeys: assigned };
}

/** Plain BibTeX, UTF-8, default keys (kept for callers that need no options). */
export function toBibtex(papers: Paper[]): string {
  return exportBibtex(papers).text;
}

/** The key this paper is exported under when alone: its stored key, or the default format. */
export function citationKey(p: Paper): string {
  return (p.citationKey && storedKey(p.citationKey)) || safeKey(formatCitationKey(p));
}
