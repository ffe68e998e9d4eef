import { useState } from 'preact/hooks';
import { getBackupDb } from '@/lib/backup/db';
import { listSnapshots, snapshotPapers, takeSnapshot } from '@/lib/backup/snapshots';
import type { PapershelfDB } from '@/lib/library/db';
import { describeDbError } from '@/lib/library/db';
import type { PaperCandidate } from '@/lib/formats/import/candidate';
import type { ImportPlan } from '@/lib/formats/import/plan';
import { applyImport, previewImport } from '@/lib/library/importing';
import { useLiveQuery } from '../useLiveQuery';
import { Outcome } from './Outcome';

/** The rolling automatic backups, each restorable through the import preview (merging, never replacing). */
export function BackupSection({ db }: { db: PapershelfDB }) {
  const backups = getBackupDb();
  const { data: snapshots } = useLiveQuery(() => listSnapshots(backups), []);
  const [pending, setPending] = useState<{ at: number; candidates: PaperCandidate[]; plan: ImportPlan }>();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const attempt = async (f: () => Promise<void>) => {
    setError(undefined);
    setMessage(undefined);
    try {
      await f();
    } catch (e) {
      setError(describeDbError(e));
    }
  };
  const preview = (id: number, at: number) =>
    attempt(async () => {
      const candidates = await snapshotPapers(backups, id);
      setPending({ at, candidates, plan: await previewImport(db, candidates) });
    });
  const restore = () =>
    attempt(async () => {
      if (!pending) return;
      const plan = await applyImport(db, pending.candidates);
      setPending(undefined);
      setMessage(`Restored the backup of ${new Date(pending.at).toLocaleString()}: ${plan.add.length} added, ${plan.update.length} updated.`);
    });
  const now = () => attempt(async () => setMessage((await takeSnapshot(db, backups)) ? 'Backup taken.' : 'Nothing new to back up.'));

  return (
    <section aria-labelledby="backups-h" class="card">
      <h2 id="backups-h">Automatic backups</h2>
      <p class="hint">
        Once a day Papershelf keeps a copy of your library in this browser (the last five). Restoring adds back what is missing; nothing you have now
        is removed.
      </p>
      {snapshots?.length ? (
        <ul class="snapshots" aria-label="Backups">
          {snapshots.map((s) => (
            <li key={s.id}>
              {new Date(s.at).toLocaleString()} · {s.count} {s.count === 1 ? 'paper' : 'papers'}{' '}
              <button type="button" onClick={() => void preview(s.id!, s.at)}>
                Restore…
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{snapshots ? 'No backup yet.' : ''}</p>
      )}
      <button type="button" onClick={() => void now()}>
        Back up now
      </button>
      {pending && (
        <div class="preview" aria-label="Restore preview">
          <p>
            Restoring the backup of {new Date(pending.at).toLocaleString()} will add <strong>{pending.plan.add.length}</strong>, update{' '}
            <strong>{pending.plan.update.length}</strong>, skip <strong>{pending.plan.skip.length}</strong>.
          </p>
          <div class="row-buttons">
            <button type="button" class="primary" disabled={!pending.plan.add.length && !pending.plan.update.length} onClick={() => void restore()}>
              Restore
            </button>
            <button type="button" onClick={() => setPending(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <Outcome message={message} error={error} />
    </section>
  );
}
