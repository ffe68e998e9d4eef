import type { PapershelfDB } from '@/lib/db/database';
import { byline } from './PageList';
import { useLiveQuery } from './useLiveQuery';

export function LibraryList({ db }: { db: PapershelfDB }) {
  const { data: papers, error } = useLiveQuery(() => db.papers.orderBy('addedAt').reverse().limit(200).toArray(), []);
  return (
    <section aria-labelledby="lib-h" class="library">
      <h2 id="lib-h">Library</h2>
      {error && <p role="alert" class="error">{error.message}</p>}
      {papers && papers.length === 0 && <p class="empty">Nothing saved yet. Press Save next to a paper on any page.</p>}
      <ul class="papers" aria-label="Saved papers">
        {papers?.map((p) => (
          <li key={p.key} class="paper">
            <div class="paper-main">
              <span class="paper-title">{p.title}</span>
              <span class="paper-by">{byline(p)}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
