// A paper's highlights (issue 20): quote, colour, comment, a link opening the page at the
// passage (a text fragment); recolour and remove, with undo. Quotes are page text: shown as
// text. Comments are the user's Markdown: rendered through the sanitiser.
import { useEffect, useState } from 'preact/hooks';
import { describeDbError, type PapershelfDB } from '@/lib/library/db';
import { highlightsOf, removeHighlight, restoreHighlight, updateHighlight } from '@/lib/library/highlights';
import { renderMarkdown } from '@/lib/markdown/render';
import { textFragmentUrl } from '@/lib/paper/fragment';
import type { Highlight } from '@/lib/paper/highlight';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/paper/highlightLimits';
import { useLiveQuery } from './useLiveQuery';

export const SWATCH: Record<HighlightColor, string> = { yellow: '#ffd600', green: '#3cc85a', blue: '#4696ff', pink: '#ff5aaa' };

export function HighlightItem({
  db,
  h,
  onRemoved,
  onError,
}: {
  db: PapershelfDB;
  h: Highlight;
  onRemoved(h: Highlight): void;
  onError(m: string): void;
}) {
  const fail = (e: unknown) => onError(describeDbError(e));
  return (
    <li class="highlight" data-color={h.color}>
      <blockquote style={{ borderLeftColor: SWATCH[h.color] }}>{h.selectors.quote.exact}</blockquote>
      {h.comment && <div class="highlight-comment" dangerouslySetInnerHTML={{ __html: renderMarkdown(h.comment) }} />}
      <div class="highlight-actions">
        <a href={textFragmentUrl(h.url, h.selectors.quote.exact)} target="_blank" rel="noopener noreferrer">
          Open at the passage
        </a>
        <select
          aria-label="Colour"
          value={h.color}
          onChange={(e) => void updateHighlight(db, h.id, { color: (e.target as HTMLSelectElement).value as HighlightColor }).catch(fail)}
        >
          {HIGHLIGHT_COLORS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="link danger"
          aria-label="Remove highlight"
          onClick={() => void removeHighlight(db, h.id).then((r) => r && onRemoved(r), fail)}
        >
          Remove
        </button>
      </div>
    </li>
  );
}

/** "Removed. Undo" for ten seconds after a removal. */
export function useUndo(db: PapershelfDB, onError: (m: string) => void) {
  const [removed, setRemoved] = useState<Highlight>();
  useEffect(() => {
    if (!removed) return;
    const t = setTimeout(() => setRemoved(undefined), 10_000);
    return () => clearTimeout(t);
  }, [removed]);
  const bar = removed && (
    <p class="highlight-undo" role="status">
      Highlight removed.{' '}
      <button
        type="button"
        class="link"
        onClick={() =>
          void restoreHighlight(db, removed).then(
            () => setRemoved(undefined),
            (e: unknown) => onError(describeDbError(e)),
          )
        }
      >
        Undo
      </button>
    </p>
  );
  return { bar, onRemoved: setRemoved };
}

export function HighlightList({ db, paperKey }: { db: PapershelfDB; paperKey: string }) {
  const { data, error } = useLiveQuery(() => highlightsOf(db, paperKey), [paperKey]);
  const [failure, setFailure] = useState<string>();
  const undo = useUndo(db, setFailure);
  if (error) return <p role="alert">{error.message}</p>;
  if (!data?.length && !undo.bar) return null;
  return (
    <section class="highlights" aria-labelledby="highlights-title">
      <h3 id="highlights-title">Highlights</h3>
      {failure && (
        <p role="alert" class="error">
          {failure}
        </p>
      )}
      {undo.bar}
      <ul aria-label="Highlights">
        {(data ?? []).map((h) => (
          <HighlightItem key={h.id} db={db} h={h} onRemoved={undo.onRemoved} onError={setFailure} />
        ))}
      </ul>
    </section>
  );
}
