// The last sync outcome as stored in storage.local: read by the popup, which must not pull in
// the sync engine for one line of text.
export const STATUS_KEY = 'sync:status';

export interface SyncStatus {
  state: 'syncing' | 'ok' | 'error';
  at: number;
  message: string;
  /** The last successful round. */
  lastSuccess?: number;
  /** The error's kind (auth, full, network…). */
  kind?: string;
}

// What the client's errors start with: the operation and the file, then the reason.
const OPERATION = /^(?:Listing|Reading|Writing|Deleting|Creating|Moving)\s+\S+(?:\s+to\s+\S+)?:\s+/;

/**
 * The reason of an error message, for a line too short to hold it whole: "Writing
 * devices/…/seg-00000002.json.gz: the server could not be reached (…)" is said as "the server
 * could not be reached (…)"; the whole message stays in the line's tooltip and the options page.
 * Cut at `max` characters.
 */
export function shortReason(message: string, max = 80): string {
  const reason = message.replace(OPERATION, '') || message;
  const text = reason.charAt(0).toUpperCase() + reason.slice(1);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
