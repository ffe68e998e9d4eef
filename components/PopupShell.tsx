// The popup's first frame, drawn before its app (and with it Dexie, zod and the search index) is
// loaded: the same header, tabs, search row and list as the app, with the rows stored for this
// moment (lib/library/firstRowsRead.ts). Its controls are disabled — nothing here can act yet —
// so a click or a keystroke waits for the app, which replaces this frame a few ms later.
import type { RowPaper } from '@/lib/library/firstRowsRead';
import { BrandHead } from './BrandHead';
import { PaperRow, ROW_HEIGHT, SEARCH_PLACEHOLDER } from './PaperRow';
import { VirtualList } from './VirtualList';

export function PopupShell({ rows }: { rows: RowPaper[] | undefined }) {
  return (
    <main class="popup">
      <BrandHead class="popup-head" icon={32} size={18}>
        <span class="section-actions">
          <button type="button" class="link" disabled>
            Library page
          </button>
          <button type="button" class="link" disabled>
            Export &amp; settings
          </button>
        </span>
      </BrandHead>
      <nav class="tabs" role="tablist" aria-label="Views">
        <button type="button" role="tab" aria-selected={false} disabled>
          This page <span class="count">…</span>
        </button>
        <button type="button" role="tab" aria-selected={true} disabled>
          Library <span class="count">…</span>
        </button>
        <button type="button" role="tab" aria-selected={false} disabled>
          Seen recently
        </button>
      </nav>
      <section aria-labelledby="lib-h" class="library">
        <h2 id="lib-h" class="visually-hidden">
          Library
        </h2>
        <div class="search-row">
          <input type="search" aria-label="Search library" placeholder={SEARCH_PLACEHOLDER} disabled />
          <select aria-label="Sort by" disabled>
            <option value="">Best order</option>
          </select>
        </div>
        <p class="result-count" aria-live="polite" id="lib-results">
          Loading library…
        </p>
        {rows && rows.length > 0 && (
          <div>
            <VirtualList count={rows.length} rowHeight={ROW_HEIGHT} label="Saved papers" renderRow={(i) => <PaperRow p={rows[i]} />} />
          </div>
        )}
      </section>
    </main>
  );
}
