// Messages to content scripts carry little or no payload, so a check by hand is their whole
// validation (and keeps zod out of the script injected into pages).

/** Messages to a content script, from the background. `dismissed`: a dismissal (or its undo) made elsewhere. */
export type ToContent = { type: 'savePage' } | { type: 'rescan' } | { type: 'highlight' } | { type: 'dismissed'; key: string; dismissed: boolean };

export function isToContent(raw: unknown): raw is ToContent {
  if (typeof raw !== 'object' || raw === null) return false;
  const keys = Object.keys(raw);
  const o = raw as { type?: unknown; key?: unknown; dismissed?: unknown };
  if (o.type === 'dismissed')
    return keys.length === 3 && typeof o.key === 'string' && o.key.length > 0 && o.key.length <= 2100 && typeof o.dismissed === 'boolean';
  return keys.length === 1 && (o.type === 'savePage' || o.type === 'rescan' || o.type === 'highlight');
}
