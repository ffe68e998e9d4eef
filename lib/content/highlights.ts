// Loads the highlight chunk (entrypoints/highlight.ts, built as /highlight.js) on a page where
// exactly one paper was found: dynamic import of a web-accessible file runs it in this world,
// and other pages never load it. On pages that show one paper by their URL the chunk is a
// content script of its own (lib/highlight/early.ts), already here, with the paper's list asked for.
import { browser } from 'wxt/browser';
import type { HighlightChunk } from '../highlight/content';
import type { HighlightPage } from '../highlight/page';
import { ask } from '../messaging/client';
import type { Replies } from '../messaging/replies';
import type { PaperMeta } from '../paper/schema';

// HIGHLIGHT_CHUNK_KEY of lib/highlight/content.ts, not imported: this script bundles none of the chunk.
const KEY = '__papershelfHighlights';

/** The chunk if it is in this world already (a content script of its own, or imported before). */
const loadedChunk = () => (globalThis as unknown as Record<string, HighlightChunk | undefined>)[KEY];

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));
const domReady = () =>
  document.readyState === 'loading' ? new Promise<void>((r) => document.addEventListener('DOMContentLoaded', () => r(), { once: true })) : nextTask();

async function loadChunk(): Promise<HighlightChunk> {
  // Content scripts of one run_at start one after another: where the chunk is a content script
  // of its own, it may run just after this one. Import it only when it is not coming that way.
  if (!loadedChunk()) await nextTask();
  if (!loadedChunk()) {
    try {
      await import(/* @vite-ignore */ browser.runtime.getURL('/highlight.js'));
    } catch (e) {
      // (The page may refuse the import there; by the time the document is parsed, it has run.)
      await domReady();
      if (!loadedChunk()) throw e;
    }
  }
  const chunk = loadedChunk();
  if (!chunk) throw new Error('highlight.js did not load');
  return chunk;
}

export interface PageHighlights {
  highlightSelection(): Promise<unknown>;
  reload(): void;
  destroy(): void;
}

/** The chunk and a paper's highlights, asked for together (neither waits for the other). */
export interface HighlightsPrefetch {
  key: string;
  chunk: Promise<HighlightChunk>;
  first: Promise<Replies['highlightsOf']>;
}

export function prefetchHighlights(key: string): HighlightsPrefetch {
  const chunk = loadChunk();
  const first = loadedChunk()?.takeList(key) ?? ask({ type: 'highlightsOf', key });
  // Reported by whoever uses them (a prefetch for another paper is dropped unused).
  chunk.catch(() => {});
  first.catch(() => {});
  return { key, chunk, first };
}

/**
 * `early`: what was prefetched for the paper the URL names (see keyAtUrl), used if detection
 * found that paper; otherwise the chunk and the list are asked for now.
 */
export function startPageHighlights(doc: Document, paper: PaperMeta | undefined, early?: HighlightsPrefetch): PageHighlights {
  if (!paper) return { highlightSelection: async () => null, reload() {}, destroy() {} };
  performance.mark('papershelf:start-page');
  let page: HighlightPage | null = null;
  let dead = false;
  const pre = early?.key === paper.key ? early : prefetchHighlights(paper.key);
  const ready = pre.chunk.then((c) => {
    if (!dead) page = c.mountHighlights(doc, paper, ask, (m) => console.warn('[Papershelf]', m), pre.first);
    return page;
  });
  ready.catch((e: unknown) => console.warn('[Papershelf] highlights:', e));
  return {
    highlightSelection: () => ready.then((p) => p?.highlightSelection() ?? null),
    reload: () => void page?.reload().catch(() => {}),
    destroy() {
      dead = true;
      page?.destroy();
      page = null;
    },
  };
}
