// Every note and highlight across papers (the library page's Annotations view), searchable with
// the popup's query language plus color: and has:highlight (lib/highlight/annotations.ts).
import { useMemo, useState } from 'preact/hooks';
import { annotationsOf } from '@/lib/highlight/annotations';
import type { PapershelfDB } from '@/lib/library/db';
import { allHighlights } from '@/lib/library/highlights';
import { renderMarkdown } from '@/lib/markdown/render';
import { HighlightItem, useUndo } from './HighlightList';
import type { LibraryState } from './useLibrary';
import { useLiveQuery } from './useLiveQuery';

const SHOWN = 500;

export function AnnotationsView({ db, lib, onOpen }: { db: PapershelfDB; lib: LibraryState; onOpen(key: string): void }) {
  const [query, setQuery] = useState('');
  const [failure, setFailure] = useState<string>();
  const { data: highlights } = useLiveQuery(() => allHighlights(db), []);
  const undo = useUndo(db, setFailure);
  const items = useMemo(() => annotationsOf(lib.index.papers(), highlights ?? [], query, lib.index), [lib.version, highlights, query]);
  return (
    <section class="annotations-view" aria-label="Annotations">
      <div class="search-row">
        <input
          type="search"
          aria-label="Search annotations"
          placeholder="Search notes and highlights — tag:, author:, year:, color:yellow, has:highlight"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </div>
      <p class="result-count" aria-live="polite">
        {items.length === 1 ? '1 annotation' : `${items.length} annotations`}
        {items.length > SHOWN ? ` (the newest ${SHOWN} shown)` : ''}
      </p>
      {failure && (
        <p role="alert" class="error">
          {failure}
        </p>
      )}
      {undo.bar}
      <ul class="annotations" aria-label="Annotations list">
        {items.slice(0, SHOWN).map((a) => (
          <li key={a.kind === 'note' ? `note:${a.paper.key}` : a.highlight.id} class="annotation">
            <button type="button" class="link paper-title" onClick={() => onOpen(a.paper.key)}>
              {a.paper.title}
            </button>
            {a.kind === 'note' ? (
              <div class="note-preview" aria-label="Note" dangerouslySetInnerHTML={{ __html: renderMarkdown(a.text) }} />
            ) : (
              <ul aria-label="Highlight">
                <HighlightItem db={db} h={a.highlight} onRemoved={undo.onRemoved} onError={setFailure} />
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
