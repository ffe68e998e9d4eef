// What every importer returns: papers as far as the file knows them, and what went wrong where.
import { titleKey } from '../../paper/identity';
import { buildPaper, identityOf, type PaperInput } from '../../paper/make';
import type { NameParts, Paper, PaperMeta } from '../../paper/schema';
import type { Highlight } from '../../paper/highlight';
import type { BackupDismissal } from '../backup';
import { normalizeTags } from '../../paper/tags';
import { LIMITS } from '../../paper/limits';
import { fromParts, toParts } from '../names';
import { cleanText } from '../../paper/text';

export type UserFields = Pick<
  Paper,
  'tags' | 'note' | 'status' | 'starred' | 'addedAt' | 'updatedAt' | 'aliases' | 'citationKey' | 'citationKeyPinned' | 'edited'
>;

/** A paper's metadata plus whichever user fields the file carried. */
export type PaperCandidate = PaperMeta & Partial<UserFields>;

export interface ImportError {
  /** Entry key, line number or index: where to look in the file. */
  where: string;
  message: string;
}

export interface ImportResult {
  papers: PaperCandidate[];
  errors: ImportError[];
  /** A backup's highlights (issue 20), restored after its papers. */
  highlights?: Highlight[];
  /** A backup's dismissals (issue 17), restored with it. */
  dismissals?: BackupDismissal[];
}

/** What an importer reads of a record: makePaper's input, plus names in parts and editors. */
export interface CandidateInput extends PaperInput {
  authorNames?: NameParts[];
  editors?: string[];
  editorNames?: NameParts[];
}

/** The first author as titleKey wants it: "Family, Given" when the parts are known. */
function firstAuthor(m: Pick<PaperMeta, 'authors' | 'authorNames'>): string | undefined {
  const n = m.authorNames?.[0];
  if (n?.family) return `${n.family}, ${n.given ?? ''}`;
  return n?.literal ?? m.authors[0];
}

/** The key of a record known by no identifier (see titleKey). */
export function titleKeyOf(m: Pick<PaperMeta, 'title' | 'authors' | 'authorNames' | 'year'>): string {
  // Importers name an entry without a title as an error before keying it: the key is never empty.
  return titleKey(m.title, firstAuthor(m), m.year) ?? 'title:untitled::';
}

const cleanList = (list: string[] | undefined) =>
  (list ?? [])
    .map((a) => cleanText(a))
    .filter(Boolean)
    .slice(0, LIMITS.authors)
    .map((a) => a.slice(0, LIMITS.author));

/** Name parts kept only when they are exactly one per name (otherwise they would pair wrongly). */
function partsFor(names: string[], parts: NameParts[] | undefined): NameParts[] | undefined {
  if (!parts || parts.length !== names.length || !names.length) return undefined;
  return parts.map(cleanParts);
}

// A bibliography names the same people again and again: each name is cleaned once (a copy each
// time, records never share objects).
const cleaned = new Map<string, NameParts>();

/** Through fromParts: cleaned as exports clean them (lone accents gone, no family → a literal). */
function cleanParts(n: NameParts): NameParts {
  const key = `${n.family}\u0001${n.given}\u0001${n.prefix}\u0001${n.suffix}\u0001${n.literal}`;
  let c = cleaned.get(key);
  if (!c) {
    c = Object.fromEntries(Object.entries(toParts(fromParts(n))).map(([k, v]) => [k, cleanText(v).slice(0, LIMITS.author)]));
    if (cleaned.size >= 20_000) cleaned.clear();
    cleaned.set(key, c);
  }
  return { ...c };
}

/**
 * makePaper plus user fields. A record with a title but no identifier is kept under its title
 * key (a user's own bibliography comes in whole); one without a title is an error, never a throw.
 */
export function candidate(input: CandidateInput, user: Partial<UserFields>, where: string, errors: ImportError[]): PaperCandidate | null {
  const title = cleanText(input.title);
  if (!title) {
    // Named by what it has, so that the user can find it in their file.
    const who = [cleanText(input.authors?.[0]), cleanText(String(input.year ?? ''))].filter(Boolean).join(', ');
    errors.push({ where, message: `no title${who ? ` (${who})` : ''}: skipped` });
    return null;
  }
  let meta: PaperMeta;
  try {
    const identity = identityOf(input.ids);
    meta = buildPaper(input, title, { ...identity, key: identity.key ?? '' });
  } catch (e) {
    errors.push({ where, message: `unreadable record: ${String(e)}` });
    return null;
  }
  const out: PaperCandidate = { ...meta };
  // makePaper flips "Family, Given" (right for scraped pages); importers already give display
  // order, and a literal such as "Google, Inc." must stay as it is.
  out.authors = cleanList(input.authors as string[] | undefined);
  const authorNames = partsFor(out.authors, input.authorNames);
  if (authorNames) out.authorNames = authorNames;
  const editors = cleanList(input.editors);
  if (editors.length) out.editors = editors;
  const editorNames = partsFor(editors, input.editorNames);
  if (editorNames) out.editorNames = editorNames;
  if (!out.key) out.key = titleKeyOf(out);
  if (user.tags?.length) out.tags = normalizeTags(user.tags.map((t) => t.slice(0, 200)));
  if (user.note?.trim()) out.note = user.note;
  for (const k of ['status', 'starred', 'addedAt', 'updatedAt', 'citationKey', 'citationKeyPinned'] as const) {
    if (user[k] !== undefined) (out as Record<string, unknown>)[k] = user[k];
  }
  if (out.citationKey) out.citationKey = out.citationKey.slice(0, 200);
  return out;
}

/** Runs an importer body; anything it throws becomes one error instead of an exception. */
export function guarded(where: string, body: (result: ImportResult) => void): ImportResult {
  const result: ImportResult = { papers: [], errors: [] };
  try {
    body(result);
  } catch (e) {
    result.errors.push({ where, message: e instanceof Error ? e.message : String(e) });
  }
  return result;
}

/** Like `guarded`, for JSON files: a parse failure is the file's one error. */
export function guardedJson(text: string, body: (data: unknown, result: ImportResult) => void): ImportResult {
  return guarded('file', (result) => {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      result.errors.push({ where: 'file', message: `not JSON: ${(e as Error).message}` });
      return;
    }
    body(data, result);
  });
}

/** Timestamps from files: ms numbers or date strings; undefined when meaningless. */
export function timeOf(v: unknown): number | undefined {
  const t = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(t) && t > 0 ? t : undefined;
}
