import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { datedName, downloadText } from '@/components/download';
import type { PapershelfDB } from '@/lib/library/db';
import { highlightExports } from '@/lib/library/highlights';
import { exporters, papersInScope, type ExportScope, type Exporter } from '@/lib/library/exporters';
import { EXPORT_SELECTION_KEY } from '@/lib/library/handoff';
import type { ReadingStatus } from '@/lib/paper/schema';
import type { Settings } from '@/lib/settings/schema';
import { saveSettings } from '@/lib/settings/store';
import { Outcome } from './Outcome';

interface Props {
  db: PapershelfDB;
  settings: Settings;
  allTags: string[];
}

type ScopeKind = ExportScope['kind'];

export function ExportSection({ db, settings, allTags }: Props) {
  const [kind, setKind] = useState<ScopeKind>('all');
  const [tags, setTags] = useState<string[]>([]);
  const [status, setStatus] = useState<ReadingStatus>('read');
  const [selection, setSelection] = useState<string[]>([]);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();

  // The popup hands a selection over through storage.session and opens #export-selection.
  useEffect(() => {
    if (location.hash !== '#export-selection') return;
    void browser.storage.session.get(EXPORT_SELECTION_KEY).then((got) => {
      const keys = got[EXPORT_SELECTION_KEY];
      if (Array.isArray(keys) && keys.every((k) => typeof k === 'string')) {
        setSelection(keys);
        setKind('selection');
      }
    });
  }, []);

  const scope = (): ExportScope =>
    kind === 'tags' ? { kind, tags } : kind === 'status' ? { kind, status } : kind === 'selection' ? { kind, keys: selection } : { kind: 'all' };

  const run = async (ex: Exporter, to: 'file' | 'clipboard') => {
    setError(undefined);
    setMessage(undefined);
    try {
      const papers = await papersInScope(db, scope());
      if (!papers.length) {
        setError('Nothing to export: no paper in this scope.');
        return;
      }
      const text = await (highlightExports[ex.id]?.(db, papers) ?? ex.run(db, papers, settings));
      if (to === 'file') downloadText(document, datedName(ex.ext), text, ex.mime);
      else await navigator.clipboard.writeText(text);
      const n = `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}`;
      setMessage(to === 'file' ? `Exported ${n} as ${ex.label}.` : `Copied ${n} as ${ex.label}.`);
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section aria-labelledby="export-h" class="card">
      <h2 id="export-h">Export</h2>
      <fieldset class="scope">
        <legend>Which papers</legend>
        <label>
          <input type="radio" name="scope" checked={kind === 'all'} onChange={() => setKind('all')} /> All papers
        </label>
        <label>
          <input type="radio" name="scope" checked={kind === 'tags'} onChange={() => setKind('tags')} /> With tags
        </label>
        {kind === 'tags' && (
          <select
            multiple
            aria-label="Tags to export"
            size={Math.min(6, Math.max(2, allTags.length))}
            onChange={(e) => setTags([...e.currentTarget.selectedOptions].map((o) => o.value))}
          >
            {allTags.map((t) => (
              <option key={t} value={t} selected={tags.includes(t)}>
                {t}
              </option>
            ))}
          </select>
        )}
        <label>
          <input type="radio" name="scope" checked={kind === 'status'} onChange={() => setKind('status')} /> By reading status
        </label>
        {kind === 'status' && (
          <select aria-label="Status to export" value={status} onChange={(e) => setStatus(e.currentTarget.value as ReadingStatus)}>
            <option value="unread">To read</option>
            <option value="reading">Reading</option>
            <option value="read">Read</option>
          </select>
        )}
        {selection.length > 0 && (
          <label>
            <input type="radio" name="scope" checked={kind === 'selection'} onChange={() => setKind('selection')} /> The {selection.length} papers
            selected in the popup
          </label>
        )}
      </fieldset>
      <div class="export-grid">
        {exporters.map((ex) => (
          <div key={ex.id} class="export-row">
            <button type="button" class={ex.id === 'bibtex' ? 'primary' : ''} onClick={() => void run(ex, 'file')}>
              Export {ex.label}
            </button>
            <button type="button" onClick={() => void run(ex, 'clipboard')}>
              Copy {ex.label}
            </button>
          </div>
        ))}
      </div>
      <label>
        <input
          type="checkbox"
          checked={settings.bibIncludeHighlights}
          onChange={(e) => void saveSettings({ bibIncludeHighlights: e.currentTarget.checked }).catch((err: unknown) => setError(String(err)))}
        />{' '}
        Include highlights and comments in BibTeX annote
      </label>
      <p class="hint">
        BibTeX: {settings.bibFlavour === 'biblatex' ? 'BibLaTeX' : 'BibTeX'} flavour, {settings.bibEncoding === 'latex' ? 'LaTeX-encoded' : 'UTF-8'};
        citation keys once exported stay the same. Change this under Settings.
      </p>
      <Outcome message={message} error={error} />
    </section>
  );
}
