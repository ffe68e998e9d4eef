// What a failed database write means for the user, in words, with a way out.
// Dexie wraps IndexedDB errors (a quota error may arrive as an AbortError whose `inner` is the
// QuotaExceededError), so the whole chain is searched.

export type DbFailure = 'quota' | 'closed' | 'other';

function chain(e: unknown): { name?: string; message?: string }[] {
  const out: { name?: string; message?: string }[] = [];
  let cur: unknown = e;
  for (let i = 0; cur && typeof cur === 'object' && i < 5; i++) {
    out.push(cur);
    cur = (cur as { inner?: unknown; cause?: unknown }).inner ?? (cur as { cause?: unknown }).cause;
  }
  return out;
}

export function dbFailure(e: unknown): DbFailure {
  const links = chain(e);
  if (links.some((l) => l.name === 'QuotaExceededError' || /quota/i.test(l.message ?? ''))) return 'quota';
  if (links.some((l) => l.name === 'DatabaseClosedError' || l.name === 'VersionChangeError' || l.name === 'InvalidStateError')) return 'closed';
  return 'other';
}

export const QUOTA_MESSAGE =
  'The browser has no room left for Papershelf, so this change was not saved. Nothing already saved is lost. ' +
  'Export a JSON backup now (Options → Export → JSON backup), then free some disk space or remove papers you no longer need.';

export const CLOSED_MESSAGE =
  'Papershelf was updated or reloaded while this page was open. Close this page and open it again; nothing saved is lost.';

/** A message for the user (the technical one when nothing better is known). */
export function describeDbError(e: unknown): string {
  const kind = dbFailure(e);
  if (kind === 'quota') return QUOTA_MESSAGE;
  if (kind === 'closed') return CLOSED_MESSAGE;
  return e instanceof Error ? e.message : String(e);
}
