// Every export and import format, once: the options page, lib/library's exporters, import
// detection, the golden tests and the end-to-end export test all iterate this list (a format
// missing a golden file fails golden.test.ts).
import type { Highlight } from '../paper/highlight';
import type { Paper } from '../paper/schema';
import { toBackup } from './backup';
import { bibOptionsFromSettings, exportBibtex, type BibOptions } from './bibtex';
import { toCslJson } from './csljson';
import { toCsv } from './csv';
import { importBackup } from './import/backup';
import { importBibtex } from './import/bibtex';
import type { ImportResult } from './import/candidate';
import { importCslJson } from './import/csljson';
import { importPaperMemory } from './import/papermemory';
import { importRis } from './import/ris';
import type { BibEncoding } from './latex';
import { toMarkdown } from './markdown';
import { toRis } from './ris';

/** The settings exports read (the options page's Settings has them all). */
export interface ExportSettings {
  citationKeyFormat: string;
  bibFlavour: 'bibtex' | 'biblatex';
  bibEncoding: BibEncoding;
  bibIncludeAbstract: boolean;
  bibIncludeNote: boolean;
  bibIncludeHighlights: boolean;
}

export interface ExportContext {
  settings?: Partial<ExportSettings>;
  /** The whole library, for formats that keep citation keys unique across it. */
  library?: Paper[];
  /** Highlights by paper key, for the exports that can carry them. */
  highlights?: Map<string, Highlight[]>;
  now?: number;
}

/** The text, and the citation keys given to papers that had none (paper key → key), to store. */
export interface ExportOutput {
  text: string;
  assignedKeys?: Map<string, string>;
}

/** What the file is: a JSON of some other tool can only be told apart by its content. */
export interface Detect {
  /** True when the content is this format's (`json` is the parsed body when it is JSON). */
  content?: (body: string, json: unknown) => boolean;
  /** True when the file name's extension (lower case, no dot) says so; asked after content. */
  name?: (ext: string, body: string) => boolean;
}

export interface Format {
  id: 'bibtex' | 'ris' | 'csljson' | 'markdown' | 'csv' | 'backup' | 'papermemory';
  /** On buttons: "Export <label>", "Copy <label>". */
  label: string;
  /** What an imported file is called in the import preview. */
  fileKind: string;
  ext: string;
  mime: string;
  export?: (papers: Paper[], context?: ExportContext) => ExportOutput;
  /**
   * The settings that change the output, each with a golden file `golden/<id>-<variant>.<ext>`;
   * without variants the golden file is `golden/<id>.<ext>`.
   */
  variants?: { name: string; settings: Partial<ExportSettings> }[];
  /** The export gives citation keys that the library stores (the next export keeps them). */
  storesKeys?: boolean;
  import?: (text: string) => ImportResult;
  detect?: Detect;
}

const bibDefaults: ExportSettings = {
  citationKeyFormat: '',
  bibFlavour: 'bibtex',
  bibEncoding: 'utf8',
  bibIncludeAbstract: false,
  bibIncludeNote: false,
  bibIncludeHighlights: false,
};

function bibOptions(c: ExportContext): BibOptions {
  return { ...bibOptionsFromSettings({ ...bibDefaults, ...c.settings }), library: c.library, highlights: c.highlights };
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const RIS_LINE = /^TY {2}- /m;
// The JSON kinds, told apart so that no two claim one file.
const isBackup = (v: unknown) => isObject(v) && v.format === 'papershelf-backup';
const isBackupRecord = (o: Record<string, unknown>) => 'ids' in o && 'key' in o;
const isPaperMemory = (v: unknown) =>
  isObject(v) && Object.entries(v).some(([k, x]) => !k.startsWith('__') && x && typeof x === 'object' && ('pdfLink' in x || 'addDate' in x));
const firstObject = (v: unknown) =>
  Array.isArray(v) ? (v.find((x) => x && typeof x === 'object') as Record<string, unknown> | undefined) : undefined;

export const formats: Format[] = [
  {
    id: 'bibtex',
    label: 'BibTeX',
    fileKind: 'BibTeX',
    ext: 'bib',
    mime: 'application/x-bibtex',
    export: (papers, c = {}) => exportBibtex(papers, bibOptions(c)),
    variants: (['bibtex', 'biblatex'] as const).flatMap((bibFlavour) =>
      (['utf8', 'latex'] as const).map((bibEncoding) => ({
        name: `${bibFlavour === 'biblatex' ? 'biblatex-' : ''}${bibEncoding}`,
        settings: { bibFlavour, bibEncoding, bibIncludeAbstract: true, bibIncludeNote: true },
      })),
    ),
    storesKeys: true,
    import: importBibtex,
    // (RIS wins a file that looks like both: its tag lines cannot be BibTeX.)
    detect: { content: (body) => !RIS_LINE.test(body) && /^\s*@[a-z]+\s*[{(]/im.test(body), name: (ext) => ext === 'bib' || ext === 'bibtex' },
  },
  {
    id: 'ris',
    label: 'RIS',
    fileKind: 'RIS',
    ext: 'ris',
    mime: 'application/x-research-info-systems',
    export: (papers) => ({ text: toRis(papers) }),
    import: importRis,
    detect: { content: (body) => RIS_LINE.test(body), name: (ext) => ext === 'ris' },
  },
  {
    id: 'csljson',
    label: 'CSL-JSON',
    fileKind: 'CSL-JSON',
    ext: 'json',
    mime: 'application/vnd.citationstyles.csl+json',
    export: (papers, c = {}) => ({ text: toCslJson(papers, c.settings?.citationKeyFormat) }),
    import: importCslJson,
    detect: {
      content: (_body, json) => {
        const first = firstObject(json);
        if (first) return !isBackupRecord(first);
        return (
          isObject(json) && !isBackup(json) && !isPaperMemory(json) && 'title' in json && ('type' in json || 'author' in json || 'issued' in json)
        );
      },
      name: (ext, body) => ext === 'json' && body.startsWith('['),
    },
  },
  { id: 'markdown', label: 'Markdown', fileKind: 'Markdown', ext: 'md', mime: 'text/markdown', export: (papers) => ({ text: toMarkdown(papers) }) },
  { id: 'csv', label: 'CSV', fileKind: 'CSV', ext: 'csv', mime: 'text/csv', export: (papers) => ({ text: toCsv(papers) }) },
  {
    id: 'backup',
    label: 'JSON backup',
    fileKind: 'Papershelf backup',
    ext: 'json',
    mime: 'application/json',
    export: (papers, c = {}) => ({ text: toBackup(papers, c.now) }),
    import: importBackup,
    detect: {
      content: (_body, json) => {
        const first = firstObject(json);
        return first ? isBackupRecord(first) : isBackup(json);
      },
      name: (ext, body) => ext === 'json' && !body.startsWith('['),
    },
  },
  {
    id: 'papermemory',
    label: 'PaperMemory',
    fileKind: 'PaperMemory export',
    ext: 'json',
    mime: 'application/json',
    import: importPaperMemory,
    detect: { content: (_body, json) => !isBackup(json) && isPaperMemory(json) },
  },
];

export type FormatId = Format['id'];
export type ExportFormat = Format & Required<Pick<Format, 'export'>>;
export type ImportFormat = Format & Required<Pick<Format, 'import' | 'detect'>>;

export const exportFormats = formats.filter((f): f is ExportFormat => !!f.export);
export const importFormats = formats.filter((f): f is ImportFormat => !!f.import && !!f.detect);

export function formatById(id: FormatId): Format {
  return formats.find((f) => f.id === id)!;
}

/** The golden files of an export format, with the settings each is made with. */
export function goldenFiles(f: ExportFormat): { file: string; settings: Partial<ExportSettings> }[] {
  return f.variants
    ? f.variants.map((v) => ({ file: `${f.id}-${v.name}.${f.ext}`, settings: v.settings }))
    : [{ file: `${f.id}.${f.ext}`, settings: {} }];
}
