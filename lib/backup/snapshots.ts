// Rolling automatic backups: at most one a day, the last KEEP kept. An empty library is never
// snapshotted (it would push the good ones out), nor an unchanged one.
import type { PapershelfDB } from '../library/db';
import { importBackup } from '../formats/import/backup';
import type { PaperCandidate } from '../formats/import/candidate';
import { toBackup } from '../formats/backup';
import type { Paper } from '../paper/schema';
import { allHighlights } from '../library/highlights';
import type { BackupDB, Snapshot } from './db';

export const KEEP = 5;
export const DAY = 24 * 60 * 60 * 1000;

function signature(papers: Paper[]): string {
  let h = 0x811c9dc5;
  let newest = 0;
  for (const p of papers) {
    newest = Math.max(newest, p.updatedAt);
    for (let i = 0; i < p.key.length; i++) h = Math.imul(h ^ p.key.charCodeAt(i), 0x01000193);
  }
  return `${papers.length}:${newest}:${(h >>> 0).toString(36)}`;
}

/** Takes a snapshot now (unless the library is empty or unchanged); returns it if taken. */
export async function takeSnapshot(db: PapershelfDB, backups: BackupDB, now = Date.now()): Promise<Snapshot | undefined> {
  const papers = await db.papers.orderBy('addedAt').toArray();
  if (!papers.length) return undefined;
  // Highlights (issue 20) ride along; a change to them alone is a change too.
  const highlights = await allHighlights(db);
  const hsig = highlights.length ? `:h${highlights.length}:${Math.max(...highlights.map((h) => h.updatedAt))}` : '';
  // Dismissals (issue 17) too: their count and newest date.
  const dismissals = await db.dismissals.toArray();
  const dsig = dismissals.length ? `:d${dismissals.length}:${Math.max(...dismissals.map((d) => d.at))}` : '';
  const sig = signature(papers) + hsig + dsig;
  const last = await backups.snapshots.orderBy('at').last();
  if (last?.signature === sig) return undefined;
  const snap: Snapshot = { at: now, count: papers.length, signature: sig, text: toBackup(papers, now, highlights, dismissals) };
  await backups.transaction('rw', backups.snapshots, async () => {
    snap.id = await backups.snapshots.add(snap);
    const old = await backups.snapshots.orderBy('at').reverse().offset(KEEP).primaryKeys();
    await backups.snapshots.bulkDelete(old);
  });
  return snap;
}

/** A snapshot when the newest is a day old (or there is none). */
export async function snapshotIfDue(db: PapershelfDB, backups: BackupDB, now = Date.now()): Promise<Snapshot | undefined> {
  const last = await backups.snapshots.orderBy('at').last();
  if (last && now - last.at < DAY) return undefined;
  return takeSnapshot(db, backups, now);
}

export type SnapshotInfo = Pick<Snapshot, 'id' | 'at' | 'count'>;

export async function listSnapshots(backups: BackupDB): Promise<SnapshotInfo[]> {
  const all = await backups.snapshots.orderBy('at').reverse().toArray();
  return all.map(({ id, at, count }) => ({ id, at, count }));
}

/** A snapshot's papers, for the import preview (lib/library/importing.ts): restoring merges. */
export async function snapshotPapers(backups: BackupDB, id: number): Promise<PaperCandidate[]> {
  const snap = await backups.snapshots.get(id);
  if (!snap) throw new Error('This backup no longer exists.');
  const { papers, errors } = importBackup(snap.text);
  if (errors.length && !papers.length) throw new Error(`This backup cannot be read: ${errors[0].message}`);
  return papers;
}
