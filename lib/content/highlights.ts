// Loads the highlight chunk (entrypoints/highlight.ts, built as /highlight.js) on a page where
// exactly one paper was found: dynamic import of a web-accessible file runs it in this world,
// and other pages never load it.
import { browser } from 'wxt/browser';
import type { HighlightChunk } from '../highlight/content';
import type { HighlightPage } from '../highlight/page';
import { ask } from '../messaging/client';
import type { PaperMeta } from '../paper/schema';

const KEY = '__papershelfHighlights';

async function loadChunk(): Promise<HighlightChunk> {
  const g = globalThis as unknown as Record<string, HighlightChunk | undefined>;
  if (!g[KEY]) await import(/* @vite-ignore */ browser.runtime.getURL('/highlight.js'));
  const chunk = g[KEY];
  if (!chunk) throw new Error('highlight.js did not load');
  return chunk;
}

export interface PageHighlights {
  highlightSelection(): Promise<unknown>;
  reload(): void;
  destroy(): void;
}

export function startPageHighlights(doc: Document, paper: PaperMeta | undefined): PageHighlights {
  if (!paper) return { highlightSelection: async () => null, reload() {}, destroy() {} };
  let page: HighlightPage | null = null;
  let dead = false;
  const ready = loadChunk().then((c) => {
    if (!dead) page = c.mountHighlights(doc, paper, ask, (m) => console.warn('[Papershelf]', m));
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
