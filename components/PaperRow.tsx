import type { RowPaper } from '@/lib/library/firstRowsRead';
import { byline } from './byline';

/** The library list's row height, in px. */
export const ROW_HEIGHT = 60;
export const SEARCH_PLACEHOLDER = 'Search title, authors, notes…  tag: status: year:>2020';

interface Props {
  p: RowPaper;
  active?: boolean;
  selected?: boolean;
  /** Without handlers (the popup's first frame, before its app is loaded) the controls are disabled. */
  onActivate?(): void;
  onToggle?(): void;
  onOpen?(): void;
}

/** One row of the library list: select box, title and byline (opens the details), status. */
export function PaperRow({ p, active, selected, onActivate, onToggle, onOpen }: Props) {
  const inert = !onOpen;
  return (
    <div class={`row ${active ? 'active' : ''}`} onClick={onActivate}>
      <input type="checkbox" aria-label={`Select ${p.title}`} checked={!!selected} disabled={inert} onChange={onToggle} />
      <button type="button" class="row-open" onClick={onOpen} title={p.title} disabled={inert}>
        <span class="paper-title">
          {p.starred && <span aria-label="starred">★ </span>}
          {p.title}
        </span>
        <span class="paper-by">
          {byline(p)}
          {p.tags.length > 0 && <span class="row-tags"> · {p.tags.join(', ')}</span>}
        </span>
      </button>
      <span class={`status-dot ${p.status}`} role="img" title={p.status} aria-label={`status ${p.status}`} />
    </div>
  );
}
