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
}

export function toBackup(papers: Paper[], now = Date.now(), highlights: Highlight[] = []): string {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), papers };
  if (highlights.length) backup.highlights = highlights;
  return JSON.stringify(backup, null, 2) + '\n';
}
