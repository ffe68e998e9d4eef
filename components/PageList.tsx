import { useState } from 'preact/hooks';
import type { PapershelfDB } from '@/lib/library/db';
import { describeDbError } from '@/lib/library/db';
import { savedAmong } from '@/lib/library/db';
import * as library from '@/lib/library/commands';
import type { PaperMeta } from '@/lib/paper/schema';
import { triageOrder } from '@/lib/triage/order';
import { byline } from './byline';
import { useLiveQuery } from './useLiveQuery';

interface Props {
  db: PapershelfDB;
  papers: PaperMeta[];
  onOpen(key: string): void;
  onError(message: string): void;
  /** Daily triage: the tab's keys never seen before (undefined: not known), the watch list. */
  triage?: { newKeys: string[] | undefined; watchList: string[]; markAllSeen(): Promise<unknown> };
}

/** The papers detected on the tab: save one, a selection, or all. */
export function PageList({ db, papers: found, onOpen, onError, triage }: Props) {
  const [newOnly, setNewOnly] = useState(false);
  const t = triageOrder(found, triage?.newKeys ?? [], triage?.watchList ?? [], newOnly);
  const papers = t.papers;
  const keys = found.map((p) => p.key);
  const { data: saved } = useLiveQuery(() => savedAmong(db, keys), [keys.join('\n')]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // What a save has just committed shows at once, not a live-query round later; it stands until
  // the live query answers again (a new `saved`), which then has the last word.
  const [committed, setCommitted] = useState<{ over: Set<string> | undefined; keys: Set<string> }>();
  const isSavedKey = (key: string) => !!saved?.has(key) || (!!committed && committed.over === saved && committed.keys.has(key));
  const unsaved = papers.filter((p) => !isSavedKey(p.key));
  const chosen = papers.filter((p) => selected.has(p.key) && !isSavedKey(p.key));
  const run = (f: () => Promise<unknown>) => f().catch((e: unknown) => onError(describeDbError(e)));
  const save = (list: PaperMeta[]) =>
    library.save(db, list).then((done) => setCommitted({ over: saved, keys: new Set(done.flatMap((p) => [p.key, ...p.aliases])) }));
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
        {found.length > 0 && (
          <div class="section-actions">
            <button type="button" disabled={!chosen.length} onClick={() => void run(() => save(chosen).then(() => setSelected(new Set())))}>
              Save selected{chosen.length ? ` (${chosen.length})` : ''}
            </button>
            <button type="button" class="primary" disabled={!unsaved.length} onClick={() => void run(() => save(unsaved))}>
              Save all
            </button>
          </div>
        )}
      </div>
      {found.length === 0 ? (
        <div class="empty-state">
          <p>
            <strong>No papers detected on this page.</strong>
          </p>
          <p>
            Papershelf finds papers on arXiv, Hugging Face, OpenReview, Google Scholar, Semantic Scholar, DBLP, ACL Anthology, PMLR, NeurIPS, CVF,
            PubMed and journal pages. Open one and they appear here.
          </p>
        </div>
      ) : (
        <>
          <p class="result-count">
            {found.length} {found.length === 1 ? 'paper' : 'papers'} · {found.filter((p) => isSavedKey(p.key)).length} saved
          </p>
          {triage?.newKeys && (
            <div class="triage-bar">
              <p class="triage-summary">
                {t.newCount} new since your last visit
                {t.watchCount > 0 && ` · ${t.watchCount} match${t.watchCount === 1 ? 'es' : ''} your watch list`}
              </p>
              <button type="button" aria-pressed={newOnly} onClick={() => setNewOnly(!newOnly)}>
                New only
              </button>
              <button type="button" disabled={!t.newCount} onClick={() => void run(() => triage.markAllSeen())}>
                Mark all seen
              </button>
            </div>
          )}
          <ul class="papers" aria-label="Papers on this page">
            {papers.map((p) => {
              const isSaved = isSavedKey(p.key);
              return (
                <li key={p.key} class={`paper${t.isNew.has(p.key) ? ' new' : ''}${t.watch.has(p.key) ? ' watched' : ''}`}>
                  <input
                    type="checkbox"
                    aria-label={`Select ${p.title}`}
                    disabled={isSaved}
                    checked={isSaved || selected.has(p.key)}
                    onChange={() => toggle(p.key)}
                  />
                  <div class="paper-main">
                    {isSaved ? (
                      <button type="button" class="row-open" onClick={() => onOpen(p.key)}>
                        <span class="paper-title">{p.title}</span>
                      </button>
                    ) : (
                      <span class="paper-title">{p.title}</span>
                    )}
                    <span class="paper-by">
                      {t.watch.has(p.key) && (
                        <span class="pill watch" title={`Watch list: ${t.watch.get(p.key)!.join('; ')}`}>
                          ★ watch
                        </span>
                      )}
                      {t.isNew.has(p.key) && <span class="pill new">New</span>}
                      {byline(p)}
                    </span>
                  </div>
                  <button
                    type="button"
                    class={isSaved ? 'saved' : ''}
                    aria-pressed={isSaved}
                    aria-label={`${isSaved ? 'Saved' : 'Save'}: ${p.title}`}
                    title={isSaved ? 'Saved — click to remove' : 'Save to your library'}
                    onClick={() => void run(() => (isSaved ? library.remove(db, [p.key]) : save([p])))}
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
