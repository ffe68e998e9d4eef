import { useState } from 'preact/hooks';
import type { PapershelfDB } from '@/lib/db/database';
import { describeDbError } from '@/lib/db/errors';
import { savedAmong } from '@/lib/db/papers';
import * as library from '@/lib/library/commands';
import type { PaperMeta } from '@/lib/paper/schema';
import { byline } from './byline';
import { useLiveQuery } from './useLiveQuery';

interface Props {
  db: PapershelfDB;
  papers: PaperMeta[];
  onOpen(key: string): void;
  onError(message: string): void;
}

/** The papers detected on the tab: save one, a selection, or all. */
export function PageList({ db, papers, onOpen, onError }: Props) {
  const keys = papers.map((p) => p.key);
  const { data: saved } = useLiveQuery(() => savedAmong(db, keys), [keys.join('\n')]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const unsaved = papers.filter((p) => !saved?.has(p.key));
  const chosen = papers.filter((p) => selected.has(p.key) && !saved?.has(p.key));
  const run = (f: () => Promise<unknown>) => f().catch((e: unknown) => onError(describeDbError(e)));
  const toggle = (key: string) => {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setSelected(next);
  };

  return (
    <section aria-labelledby="page-h" class="page-list">
      <div class="section-head">
        <h2 id="page-h">On this page</h2>
        {papers.length > 0 && (
          <div class="section-actions">
            <button type="button" disabled={!chosen.length} onClick={() => run(() => library.save(db, chosen).then(() => setSelected(new Set())))}>
              Save selected{chosen.length ? ` (${chosen.length})` : ''}
            </button>
            <button type="button" class="primary" disabled={!unsaved.length} onClick={() => run(() => library.save(db, unsaved))}>
              Save all
            </button>
          </div>
        )}
      </div>
      {papers.length === 0 ? (
        <div class="empty-state">
          <p>
            <strong>No papers detected on this page.</strong>
          </p>
          <p>Papershelf finds papers on arXiv, Hugging Face, OpenReview, Google Scholar, Semantic Scholar, DBLP, ACL Anthology, PMLR, NeurIPS, CVF, PubMed and journal pages. Open one and they appear here.</p>
        </div>
      ) : (
        <>
          <p class="result-count">
            {papers.length} {papers.length === 1 ? 'paper' : 'papers'} · {papers.length - unsaved.length} saved
          </p>
          <ul class="papers" aria-label="Papers on this page">
            {papers.map((p) => {
              const isSaved = saved?.has(p.key) ?? false;
              return (
                <li key={p.key} class="paper">
                  <input type="checkbox" aria-label={`Select ${p.title}`} disabled={isSaved} checked={isSaved || selected.has(p.key)} onChange={() => toggle(p.key)} />
                  <div class="paper-main">
                    {isSaved ? (
                      <button type="button" class="row-open" onClick={() => onOpen(p.key)}>
                        <span class="paper-title">{p.title}</span>
                      </button>
                    ) : (
                      <span class="paper-title">{p.title}</span>
                    )}
                    <span class="paper-by">{byline(p)}</span>
                  </div>
                  <button
                    type="button"
                    class={isSaved ? 'saved' : ''}
                    aria-pressed={isSaved}
                    aria-label={`${isSaved ? 'Saved' : 'Save'}: ${p.title}`}
                    title={isSaved ? 'Saved — click to remove' : 'Save to your library'}
                    onClick={() => run(() => (isSaved ? library.remove(db, [p.key]) : library.save(db, [p])))}
                  >
                    {isSaved ? 'Saved' : 'Save'}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
