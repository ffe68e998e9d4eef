// The complete, versioned JSON backup: every field of every record, as stored.
import type { Highlight } from '../paper/highlight';
import type { Paper } from '../paper/schema';

export const BACKUP_FORMAT = 'papershelf-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  papers: Paper[];
  /** Added with highlights (issue 20): optional, so older backups import as they are. */
  highlights?: Highlight[];
  /** Triage's dismissals ("not interested", issue 17), of saved papers or not: optional too. */
  dismissals?: BackupDismissal[];
}

/** A dismissal as the library keeps it: the key, the other keys its entry carried, when and where. */
export interface BackupDismissal {
  key: string;
  aliases: string[];
  at: number;
  device: string;
}

export function toBackup(papers: Paper[], now = Date.now(), highlights: Highlight[] = [], dismissals: BackupDismissal[] = []): string {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), papers };
  if (highlights.length) backup.highlights = highlights;
  if (dismissals.length) backup.dismissals = dismissals;
  return JSON.stringify(backup, null, 2) + '\n';
}
