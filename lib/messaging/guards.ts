// Messages to content scripts carry no payload, so a literal check is their whole validation
// (and keeps zod out of the script injected into pages).

/** Messages to a content script, from the background. */
export type ToContent = { type: 'savePage' } | { type: 'rescan' } | { type: 'highlight' };

export function isToContent(raw: unknown): raw is ToContent {
  if (typeof raw !== 'object' || raw === null) return false;
  const keys = Object.keys(raw);
  const type = (raw as { type?: unknown }).type;
  return keys.length === 1 && (type === 'savePage' || type === 'rescan' || type === 'highlight');
}
