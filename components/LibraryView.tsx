import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PapershelfDB } from '@/lib/library/db';
import { addTags, setStatus } from '@/lib/library/commands';
import { newestPapers, storeFirstRows, toRows, type FirstRowsRead, type RowPaper } from '@/lib/library/firstRows';
import type { ReadingStatus } from '@/lib/paper/schema';
import { parseQuery } from '@/lib/search/query';
import { search, type SortOrder } from '@/lib/search/index';
import { normalizeTag } from '@/lib/search/query';
import { tagCounts } from '@/lib/search/tags';
import { useLiveQuery } from './useLiveQuery';
import { PaperRow, ROW_HEIGHT, SEARCH_PLACEHOLDER } from './PaperRow';
import type { LibraryState } from './useLibrary';
import { VirtualList } from './VirtualList';

/** Rows ordered ahead of the last one in view. */
const PAGE = 100;
const SORTS: [SortOrder, string][] = [
  ['relevance', 'Relevance'],
  ['added', 'Recently added'],
  ['updated', 'Recently updated'],
  ['year', 'Year'],
  ['title', 'Title'],
];

interface Props {
  db: PapershelfDB;
  lib: LibraryState;
  /** The newest papers as last stored, shown until the database answers (lib/library/firstRows). */
  firstRows?: FirstRowsRead;
  searchRef: { current: HTMLInputElement | null };
  onOpen(key: string): void;
  onRemove(keys: string[]): void;
  onExport(keys: string[]): void;
}

export function LibraryView({ db, lib, firstRows, searchRef, onOpen, onRemove, onExport }: Props) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortOrder | ''>('');
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkTag, setBulkTag] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const parsed = useMemo(() => parseQuery(query), [query]);
  // Only the rows the list can show are put in order (in pages, ahead of the scroll position):
  // ranking all of 10,000 matches on every keystroke is what made typing slow.
  const [lastRow, setLastRow] = useState(0);
  const limit = Math.ceil((lastRow + PAGE) / PAGE) * PAGE;
  const result = useMemo(() => search(lib.index, parsed, { sort: sort || undefined, limit }), [lib.version, parsed, sort, limit]);
  const tags = useMemo(() => tagCounts(lib.index), [lib.version]);
  // Until the index is built (seconds at 100,000 papers), show the newest papers straight away.
  const { data: newest } = useLiveQuery(() => (lib.ready ? Promise.resolve([]) : newestPapers(db)), [lib.ready]);
  // Before that, the rows stored for this moment; the database's answer also keeps them right.
  const [stored, setStored] = useState(firstRows?.now);
  useEffect(() => {
    if (!stored) void firstRows?.later.then(setStored);
  }, []);
  const early: RowPaper[] = newest ?? stored ?? [];
  useEffect(() => {
    if (newest && !lib.ready)
      void (firstRows?.later ?? Promise.resolve(undefined)).then((known) => storeFirstRows(toRows(newest), known)).catch(() => {});
  }, [newest]);
  const showing = lib.ready ? result.keys : early.map((p) => p.key);
  const count = lib.ready ? result.total : showing.length;
  const paperAt = (i: number): RowPaper | undefined => (lib.ready ? lib.index.get(result.keys[i]) : early[i]);

  const toggleTagFilter = (tag: string) => {
    const chip = `tag:${/[\s"]/.test(tag) ? JSON.stringify(tag) : tag}`;
    setQuery(query.includes(chip) ? query.replace(chip, '').replace(/\s+/g, ' ').trim() : `${query} ${chip}`.trim());
  };
  const toggleSelect = (key: string) => {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setSelected(next);
  };
  const selectedKeys = [...selected].filter((k) => lib.index.get(k));

  const onKeyDown = (e: KeyboardEvent) => {
    const n = count;
    if (e.key === 'ArrowDown') setActive(Math.min(n - 1, active + 1));
    else if (e.key === 'ArrowUp') setActive(Math.max(0, active - 1));
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(n - 1);
    else if (e.key === 'Enter' && showing[active]) onOpen(showing[active]);
    else if (e.key === ' ' && e.target !== searchRef.current && showing[active]) toggleSelect(showing[active]);
    else if (e.key === 'Escape' && query) setQuery('');
    else return;
    e.preventDefault();
  };

  // The library's commands signal the change to every tab themselves.
  const bulk = (f: () => Promise<void>) => f();

  return (
    <section aria-labelledby="lib-h" class="library" onKeyDown={onKeyDown}>
      <h2 id="lib-h" class="visually-hidden">
        Library
      </h2>
      <div class="search-row">
        <input
          ref={searchRef}
          type="search"
          aria-label="Search library"
          placeholder={SEARCH_PLACEHOLDER}
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
          }}
          aria-controls="lib-results"
        />
        <select aria-label="Sort by" value={sort} onChange={(e) => setSort(e.currentTarget.value as SortOrder)}>
          <option value="">Best order</option>
          {SORTS.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
      {tags.length > 0 && (
        <ul class="tag-filter" aria-label="Filter by tag">
          {tags.slice(0, 30).map(({ tag, count }) => {
            const on = parsed.filters.some((f) => f.filter.kind === 'tag' && !f.negated && f.filter.tag === normalizeTag(tag));
            return (
              <li key={tag}>
                <button type="button" class={`chip ${on ? 'on' : ''}`} aria-pressed={on} onClick={() => toggleTagFilter(tag)}>
                  {tag} <span class="count">{count}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p class="result-count" aria-live="polite" id="lib-results">
        {lib.ready
          ? `${result.total} ${result.total === 1 ? 'paper' : 'papers'}${query ? ' found' : ''}`
          : `Indexing your library… ${lib.progress ? lib.progress.toLocaleString() : ''}`}
      </p>
      {selectedKeys.length > 0 && (
        <div class="bulk" role="toolbar" aria-label="Selected papers">
          <span>{selectedKeys.length} selected</span>
          <input aria-label="Tag selected papers" placeholder="tag" value={bulkTag} onInput={(e) => setBulkTag(e.currentTarget.value)} />
          <button
            type="button"
            disabled={!bulkTag.trim()}
            onClick={() => void bulk(() => addTags(db, selectedKeys, [bulkTag.trim()])).then(() => setBulkTag(''))}
          >
            Add tag
          </button>
          <select
            aria-label="Set status of selected"
            value=""
            onChange={(e) => {
              const v = e.currentTarget.value as ReadingStatus;
              if (v) void bulk(() => setStatus(db, selectedKeys, v));
            }}
          >
            <option value="">Status…</option>
            <option value="unread">To read</option>
            <option value="reading">Reading</option>
            <option value="read">Read</option>
          </select>
          <button type="button" onClick={() => onExport(selectedKeys)}>
            Export…
          </button>
          <button type="button" class="danger" onClick={() => (onRemove(selectedKeys), setSelected(new Set()))}>
            Remove
          </button>
          <button type="button" class="link" onClick={() => setSelected(new Set())}>
            Clear
          </button>
        </div>
      )}
      {lib.error && (
        <p role="alert" class="error">
          Could not read the library: {lib.error.message}
        </p>
      )}
      {lib.ready && lib.index.size === 0 ? (
        <div class="empty-state">
          <p>
            <strong>Your library is empty.</strong>
          </p>
          <p>
            Press Save next to any paper on arXiv, Hugging Face, OpenReview, Google Scholar, DBLP or a journal's page, or import a BibTeX file from
            the options page.
          </p>
        </div>
      ) : lib.ready && result.total === 0 ? (
        <p class="empty">No paper matches. Try fewer words, or remove a filter.</p>
      ) : (
        <div ref={listRef}>
          <VirtualList
            count={count}
            onRange={setLastRow}
            rowHeight={ROW_HEIGHT}
            active={active}
            label="Saved papers"
            renderRow={(i) => {
              const p = paperAt(i);
              if (!p) return null;
              return (
                <PaperRow
                  p={p}
                  active={i === active}
                  selected={selected.has(p.key)}
                  onActivate={() => setActive(i)}
                  onToggle={() => toggleSelect(p.key)}
                  onOpen={() => onOpen(p.key)}
                />
              );
            }}
          />
        </div>
      )}
    </section>
  );
}
