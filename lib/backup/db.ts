// Automatic local backups live in a database of their own ('papershelf-backups'): the library's
// schema versions never touch them, and a broken library database leaves them readable.
import { Dexie, type EntityTable } from 'dexie';

export const BACKUP_DB_NAME = 'papershelf-backups';

export interface Snapshot {
  id?: number;
  /** When it was taken (ms). */
  at: number;
  count: number;
  /** Count, newest update and keys, hashed: an unchanged library is not snapshotted twice. */
  signature: string;
  /** A Papershelf JSON backup (lib/formats/backup.ts), restorable through the import preview. */
  text: string;
}

export class BackupDB extends Dexie {
  snapshots!: EntityTable<Snapshot, 'id'>;

  constructor(name = BACKUP_DB_NAME) {
    super(name);
    this.version(1).stores({ snapshots: '++id, at' });
  }
}

let shared: BackupDB | undefined;

export function getBackupDb(): BackupDB {
  shared ??= new BackupDB();
  return shared;
}
