// The highlight chunk's entry, loaded only on pages where exactly one paper was found
// (lib/content/highlights.ts imports it): wires the page controller to the background.
import type { PaperMeta } from '../paper/schema';
import type { ToBackground } from '../messaging/protocol';
import type { Replies } from '../messaging/replies';
import { startHighlighting, type HighlightPage } from './page';

export type Ask = <T extends ToBackground>(msg: T) => Promise<Replies[T['type']]>;

export const HIGHLIGHT_CHUNK_KEY = '__papershelfHighlights';

/**
 * `first`: the paper's highlights, already asked for while this chunk loaded (the two in
 * parallel); later lists are asked for anew.
 */
export function mountHighlights(
  doc: Document,
  paper: PaperMeta,
  ask: Ask,
  onError: (m: string) => void,
  first?: Promise<Replies['highlightsOf']>,
): HighlightPage {
  let pending = first;
  return startHighlighting(doc, {
    list: async () => {
      const reply = pending ?? ask({ type: 'highlightsOf', key: paper.key });
      pending = undefined;
      return (await reply).highlights;
    },
    add: async (draft) => (await ask({ type: 'highlightAdd', paper, ...draft })).highlight,
    addToNote: async (text) => void (await ask({ type: 'quoteToNote', text })),
    onError,
  });
}

export type HighlightChunk = { mountHighlights: typeof mountHighlights };
