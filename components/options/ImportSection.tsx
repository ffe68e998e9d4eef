import { useState } from 'preact/hooks';
import type { PapershelfDB } from '@/lib/library/db';
import { describeDbError } from '@/lib/library/db';
import type { PaperCandidate, ImportError } from '@/lib/formats/import/candidate';
import { formatById, importFormats } from '@/lib/formats';
import { importFile, type ImportFormat } from '@/lib/formats/import/detect';
import type { ImportPlan } from '@/lib/formats/import/plan';
import { importHighlights } from '@/lib/library/highlights';
import { importDismissals } from '@/lib/library/dismissals';
import type { BackupDismissal } from '@/lib/formats/backup';
import { applyImport, previewImport } from '@/lib/library/importing';
import type { Highlight } from '@/lib/paper/highlight';

const MAX_BYTES = 64 * 1024 * 1024;
// Every extension an importer knows, and .txt (files saved from a browser or a mail).
const ACCEPT = [...new Set([...importFormats.map((f) => `.${f.ext}`), '.bibtex', '.txt'])].join(',');

interface Pending {
  file: string;
  format: ImportFormat | null;
  candidates: PaperCandidate[];
  highlights?: Highlight[];
  dismissals?: BackupDismissal[];
  errors: ImportError[];
  plan: ImportPlan;
}

export function ImportSection({ db }: { db: PapershelfDB }) {
  const [pending, setPending] = useState<Pending>();
  const [fatal, setFatal] = useState<string>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    setPending(undefined);
    setFatal(undefined);
    setDone(undefined);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFatal(`${file.name}: ${(file.size / 1e6).toFixed(0)} MB is more than an import can take (64 MB). Nothing was changed.`);
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      const got = importFile(file.name, text);
      if (!got.papers.length) {
        const first = got.errors
          .slice(0, 3)
          .map((e) => `${e.where}: ${e.message}`)
          .join('; ');
        setFatal(`${file.name}: nothing could be imported. ${first || 'The file holds no paper.'} Your library was not changed.`);
        return;
      }
      setPending({
        file: file.name,
        format: got.format,
        candidates: got.papers,
        highlights: got.highlights,
        dismissals: got.dismissals,
        errors: got.errors,
        plan: await previewImport(db, got.papers),
      });
    } catch (e) {
      setFatal(`${file.name}: could not be read (${e instanceof Error ? e.message : String(e)}). Your library was not changed.`);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const plan = await applyImport(db, pending.candidates);
      // A backup's highlights go back once their papers are in (issue 20).
      const hl = pending.highlights?.length ? await importHighlights(db, pending.highlights) : undefined;
      const dismissed = pending.dismissals?.length ? await importDismissals(db, pending.dismissals, 'import') : 0;
      const dText = dismissed ? ` Dismissals: ${dismissed} restored.` : '';
      const hlText = hl
        ? ` Highlights: ${hl.restored} restored${hl.skipped ? `, ${hl.skipped} skipped (no such paper, or a newer copy here)` : ''}.`
        : '';
      setDone(`Imported ${pending.file}: ${plan.add.length} added, ${plan.update.length} updated, ${plan.skip.length} unchanged.${hlText}${dText}`);
      setPending(undefined);
    } catch (e) {
      setFatal(`Import failed and nothing was written: ${describeDbError(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const p = pending?.plan;
  return (
    <section aria-labelledby="import-h" class="card">
      <h2 id="import-h">Import</h2>
      <p class="hint">
        BibTeX / BibLaTeX, RIS, CSL-JSON, a Papershelf JSON backup, or PaperMemory's export. You see what will change before anything is written;
        notes and tags are never lost.
      </p>
      <label class="file">
        Import file <input type="file" accept={ACCEPT} disabled={busy} onChange={(e) => void onFile(e.currentTarget)} />
      </label>
      {busy && <p role="status">Reading…</p>}
      {fatal && (
        <p role="alert" class="error">
          {fatal}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      {pending && p && (
        <div class="preview" aria-label="Import preview">
          <p>
            <strong>{pending.file}</strong> ({pending.format ? formatById(pending.format).fileKind : 'unknown format'}): will add{' '}
            <strong>{p.add.length}</strong>, update <strong>{p.update.length}</strong>, skip <strong>{p.skip.length}</strong>.
          </p>
          {pending.errors.length > 0 && (
            <div role="alert" class="error">
              {pending.errors.length} {pending.errors.length === 1 ? 'entry' : 'entries'} could not be read and will be left out:
              <ul>
                {pending.errors.slice(0, 50).map((e, i) => (
                  <li key={i}>
                    {e.where}: {e.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {p.add.length > 0 && (
            <details>
              <summary>New papers ({p.add.length})</summary>
              <ul>
                {p.add.slice(0, 200).map((x) => (
                  <li key={x.key}>{x.title}</li>
                ))}
              </ul>
            </details>
          )}
          {p.update.length > 0 && (
            <details>
              <summary>Papers completed or merged ({p.update.length})</summary>
              <ul>
                {p.update.slice(0, 200).map((u) => (
                  <li key={u.after.key}>{u.after.title}</li>
                ))}
              </ul>
            </details>
          )}
          {p.skip.length > 0 && (
            <details>
              <summary>Skipped ({p.skip.length})</summary>
              <ul>
                {p.skip.slice(0, 200).map((s) => (
                  <li key={s.key}>
                    {s.key}: {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <div class="row-buttons">
            <button type="button" class="primary" disabled={busy || p.add.length + p.update.length === 0} onClick={() => void confirm()}>
              Import {p.add.length + p.update.length} {p.add.length + p.update.length === 1 ? 'paper' : 'papers'}
            </button>
            <button type="button" onClick={() => setPending(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
