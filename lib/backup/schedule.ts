// The background's part: a daily alarm that snapshots the library when a snapshot is due, and
// keeps the change log bounded.
import { browser } from 'wxt/browser';
import { compactChanges } from '../library/compact';
import type { PapershelfDB } from '../library/db';
import { getBackupDb } from './db';
import { DAY, snapshotIfDue } from './snapshots';

export const BACKUP_ALARM = 'papershelf-backup';

export function startBackups(db: PapershelfDB): void {
  const run = () =>
    Promise.all([
      snapshotIfDue(db, getBackupDb()).catch((e: unknown) => console.warn('[Papershelf] automatic backup failed', e)),
      // The change log stays bounded (lib/library/compact.ts), on the same daily alarm.
      compactChanges(db).catch((e: unknown) => console.warn('[Papershelf] change log compaction failed', e)),
    ]);
  browser.alarms.onAlarm.addListener((alarm) => void (alarm.name === BACKUP_ALARM && run()));
  void browser.alarms.get(BACKUP_ALARM).then(async (a) => {
    if (!a) await browser.alarms.create(BACKUP_ALARM, { delayInMinutes: 1, periodInMinutes: DAY / 60_000 });
  });
}
