import { useState } from 'preact/hooks';
import type { PapershelfDB } from '@/lib/db/database';
import { savedAmong } from '@/lib/db/papers';
import * as library from '@/lib/library/commands';
import type { PaperMeta } from '@/lib/paper/schema';
import { useLiveQuery } from './useLiveQuery';

export function byline(p: { authors: string[]; venue?: string; year?: number }): string {
  const who = p.authors.length > 2 ? `${p.authors[0]} et al.` : p.authors.join(' and ');
  return [who, [p.venue, p.year].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
}

export function PageList({ db, papers }: { db: PapershelfDB; papers: PaperMeta[] }) {
  const keys = papers.map((p) => p.key);
  const { data: saved } = useLiveQuery(() => savedAmong(db, keys), [keys.join('\n')]);
  const [error, setError] = useState<string>();
  const unsaved = papers.filter((p) => !saved?.has(p.key));

  const run = (f: () => Promise<unknown>) => f().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));

  return (
    <section aria-labelledby="page-h" class="page-list">
      <div class="section-head">
        <h2 id="page-h">On this page</h2>
        {papers.length > 0 && (
          <button type="button" class="primary" disabled={!unsaved.length} onClick={() => run(() => library.save(db, unsaved))}>
            Save all
          </button>
        )}
      </div>
      {error && <p role="alert" class="error">{error}</p>}
      {papers.length === 0 ? (
        <p class="empty">No papers detected on this page. Open an arXiv, Hugging Face, OpenReview or Scholar page and they appear here.</p>
      ) : (
        <ul class="papers">
          {papers.map((p) => {
            const isSaved = saved?.has(p.key) ?? false;
            return (
              <li key={p.key} class="paper">
                <div class="paper-main">
                  <span class="paper-title">{p.title}</span>
                  <span class="paper-by">{byline(p)}</span>
                </div>
                <button
                  type="button"
                  class={isSaved ? 'saved' : ''}
                  aria-pressed={isSaved}
                  aria-label={`${isSaved ? 'Saved' : 'Save'}: ${p.title}`}
                  onClick={() => run(() => (isSaved ? library.remove(db, [p.key]) : library.save(db, [p])))}
                >
                  {isSaved ? 'Saved' : 'Save'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
