// The highlight chunk's entry, loaded only on pages where exactly one paper was found
// (lib/content/highlights.ts imports it): wires the page controller to the background.
import type { PaperMeta } from '../paper/schema';
import type { ToBackground } from '../messaging/protocol';
import type { Replies } from '../messaging/replies';
import { startHighlighting, type HighlightPage } from './page';

export type Ask = <T extends ToBackground>(msg: T) => Promise<Replies[T['type']]>;

export const HIGHLIGHT_CHUNK_KEY = '__papershelfHighlights';

export function mountHighlights(doc: Document, paper: PaperMeta, ask: Ask, onError: (m: string) => void): HighlightPage {
  return startHighlighting(doc, {
    list: async () => (await ask({ type: 'highlightsOf', key: paper.key })).highlights,
    add: async (draft) => (await ask({ type: 'highlightAdd', paper, ...draft })).highlight,
    addToNote: async (text) => void (await ask({ type: 'quoteToNote', text })),
    onError,
  });
}

export type HighlightChunk = { mountHighlights: typeof mountHighlights };
