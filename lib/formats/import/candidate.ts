// What every importer returns: papers as far as the file knows them, and what went wrong where.
import { makePaper, type PaperInput } from '../../paper/make';
import type { Highlight } from '../../paper/highlight';
import type { Paper, PaperMeta } from '../../paper/schema';
import { normalizeTags } from '../../paper/tags';
import { LIMITS } from '../../paper/limits';
import { cleanText } from '../../paper/text';

export type UserFields = Pick<Paper, 'tags' | 'note' | 'status' | 'starred' | 'addedAt' | 'updatedAt' | 'aliases' | 'citationKey' | 'citationKeyPinned' | 'edited'>;

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
}

/** makePaper plus user fields; an error (never a throw) when the record has no title or identity. */
export function candidate(input: PaperInput, user: Partial<UserFields>, where: string, errors: ImportError[]): PaperCandidate | null {
  let meta: PaperMeta | null = null;
  try {
    meta = makePaper(input);
  } catch (e) {
    errors.push({ where, message: `unreadable record: ${String(e)}` });
    return null;
  }
  if (!meta) {
    errors.push({ where, message: input.title ? 'no identifier (DOI, arXiv id, URL…): skipped' : 'no title: skipped' });
    return null;
  }
  const out: PaperCandidate = { ...meta };
  // makePaper flips "Family, Given" (right for scraped pages); importers already give display
  // order, and a literal such as "Google, Inc." must stay as it is.
  out.authors = (input.authors ?? []).map((a) => cleanText(a)).filter(Boolean).slice(0, LIMITS.authors).map((a) => a.slice(0, LIMITS.author));
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
