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
