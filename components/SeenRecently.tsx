import { useEffect, useState } from 'preact/hooks';
import { describeDbError, savedAmong, type PapershelfDB } from '@/lib/library/db';
import * as library from '@/lib/library/commands';
import { ask } from '@/lib/messaging/client';
import type { SeenItem } from '@/lib/messaging/replies';
import { paperOfSeen, searchSeen } from '@/lib/triage/recent';
import { useLiveQuery } from './useLiveQuery';

const DAYS = 7;
const when = (t: number) =>
  new Date(t).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** "Seen recently": what the listings showed you in the last days (the seen ledger), searchable, each savable. */
export function SeenRecently({ db, onError }: { db: PapershelfDB; onError(message: string): void }) {
  const [items, setItems] = useState<SeenItem[]>();
  const [query, setQuery] = useState('');
  useEffect(() => {
    ask({ type: 'seenRecent', days: DAYS, limit: 2000 }).then(
      (r) => setItems(r.records),
      (e: unknown) => onError(describeDbError(e)),
    );
  }, []);
  const shown = searchSeen(items ?? [], query).slice(0, 300);
  const keys = shown.map((i) => i.key);
  const { data: saved } = useLiveQuery(() => savedAmong(db, keys), [keys.join('\n')]);
  const save = (item: SeenItem) => {
    const p = paperOfSeen(item);
    if (!p) return onError(`“${item.title.slice(0, 60)}” has no identifier to save it by.`);
    library.save(db, [p]).catch((e: unknown) => onError(describeDbError(e)));
  };
  return (
    <section aria-labelledby="seen-h" class="page-list">
      <div class="section-head">
        <h2 id="seen-h">Seen in the last {DAYS} days</h2>
      </div>
      <div class="search-row">
        <input
          type="search"
          aria-label="Search what you saw"
          placeholder="Search what you saw…"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      {items === undefined ? (
        <p class="result-count">Reading…</p>
      ) : !items.length ? (
        <div class="empty-state">
          <p>
            <strong>Nothing seen yet.</strong>
          </p>
          <p>
            Listing entries you look at for a second (arXiv lists, Hugging Face daily papers, Scholar…) are remembered here, locally. The ledger can
            be switched off in the settings.
          </p>
        </div>
      ) : (
        <>
          <p class="result-count">
            {shown.length} of {items.length}
          </p>
          <ul class="papers" aria-label="Seen recently">
            {shown.map((it) => {
              const isSaved = !!saved?.has(it.key);
              return (
                <li key={it.key} class="paper">
                  <div class="paper-main">
                    <span class="paper-title">{it.title}</span>
                    <span class="paper-by">
                      {when(it.last)} · {it.lastWhere}
                      {it.authors.length ? ` · ${it.authors.slice(0, 3).join(', ')}` : ''}
                    </span>
                  </div>
                  <button
                    type="button"
                    class={isSaved ? 'saved' : ''}
                    disabled={isSaved}
                    aria-label={`${isSaved ? 'Saved' : 'Save'}: ${it.title}`}
                    onClick={() => save(it)}
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
