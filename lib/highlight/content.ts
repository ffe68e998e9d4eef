// The highlight chunk's entry, loaded only on pages where exactly one paper was found
// (lib/content/highlights.ts imports it) or, on pages that show one paper by their URL, as a
// content script of its own from document_start (lib/highlight/early.ts): wires the page
// controller to the background.
import type { PaperMeta } from '../paper/schema';
import type { ToBackground } from '../messaging/protocol';
import type { Replies } from '../messaging/replies';
import { Attacher, FIRST_SLICE_AT_LOAD_MS } from './attach';
import { paperAtUrl } from './early';
import type { Highlight } from '../paper/highlight';
import { startHighlighting, type HighlightPage } from './page';

export type Ask = <T extends ToBackground>(msg: T) => Promise<Replies[T['type']]>;

export const HIGHLIGHT_CHUNK_KEY = '__papershelfHighlights';

/** The paper's highlights drawn at DOMContentLoaded, before detection confirmed the paper. */
interface Early {
  key: string;
  list: Promise<Replies['highlightsOf']>;
  attacher?: Attacher;
}

/**
 * `first`: the paper's highlights, already asked for while this chunk loaded (the two in
 * parallel); later lists are asked for anew. `early`: an attacher that drew them already.
 */
export function mountHighlights(
  doc: Document,
  paper: PaperMeta,
  ask: Ask,
  onError: (m: string) => void,
  first?: Promise<Replies['highlightsOf']>,
  early?: Attacher,
): HighlightPage {
  let pending = first;
  return startHighlighting(
    doc,
    {
      list: async () => {
        const reply = pending ?? ask({ type: 'highlightsOf', key: paper.key });
        pending = undefined;
        return (await reply).highlights;
      },
      add: async (draft) => (await ask({ type: 'highlightAdd', paper, ...draft })).highlight,
      addToNote: async (text) => void (await ask({ type: 'quoteToNote', text })),
      onError,
    },
    undefined,
    early,
  );
}

export interface HighlightChunk {
  mountHighlights: typeof mountHighlights;
  /** The list asked for when the chunk came in, if it was for this paper (given once). */
  takeList(key: string): Promise<Replies['highlightsOf']> | undefined;
}

/** How long highlights drawn before detection wait for it to confirm their paper. */
export const EARLY_WAIT_MS = 10_000;

/**
 * The chunk as the content scripts find it. `early`: it runs while the page is still parsed (a
 * content script of a paper page, see early.ts): the highlights of the paper the URL names are
 * read now from their `mirror` in storage.local (lib/highlight/mirror.ts; the background is
 * asked only when there is none) and drawn at DOMContentLoaded (in the same task when the list is in by then,
 * before the page's first layout), unless `disabled` says the site is switched off. Detection
 * then mounts the page for that paper and keeps the drawing; if it finds another paper, or none
 * within EARLY_WAIT_MS, the drawing is removed. Loaded later (a dynamic import after detection)
 * the chunk asks for nothing itself.
 */
export function createChunk(
  doc: Document,
  url: string,
  early: boolean,
  ask: Ask,
  disabled: (site: string) => Promise<boolean>,
  mirror: (key: string) => Promise<Highlight[] | undefined>,
): HighlightChunk {
  const at = early ? paperAtUrl(new URL(url)) : undefined;
  let pending: Early | undefined;
  if (at) {
    const list = mirror(at.key).then((highlights) => (highlights ? { highlights } : ask({ type: 'highlightsOf', key: at.key })));
    const e: Early = (pending = { key: at.key, list });
    // Reported by whoever takes it; a list nobody takes (another paper was found) is dropped.
    e.list.catch(() => {});
    const off = disabled(at.site).catch(() => true);
    const draw = (r: Replies['highlightsOf']) => {
      if (pending !== e || e.attacher) return;
      e.attacher = new Attacher(doc, () => {});
      e.attacher.firstSlice = FIRST_SLICE_AT_LOAD_MS;
      void e.attacher.set(r.highlights).then(() => e.attacher?.watch());
    };
    doc.addEventListener(
      'DOMContentLoaded',
      () => {
        // Both in already: drawn in this task's microtasks, before the page's first layout.
        void Promise.all([e.list, off]).then(
          ([r, v]) => !v && draw(r),
          () => {},
        );
        setTimeout(() => {
          if (pending !== e) return;
          pending = undefined;
          e.attacher?.destroy();
        }, EARLY_WAIT_MS);
      },
      { once: true },
    );
  }
  const take = (key: string) => {
    const e = pending;
    if (!e) return undefined;
    pending = undefined;
    if (e.key === key) return e;
    e.attacher?.destroy();
    return undefined;
  };
  return {
    mountHighlights: (d, paper, a, onError, first, drawn) => mountHighlights(d, paper, a, onError, first, drawn ?? take(paper.key)?.attacher),
    takeList(key) {
      return pending?.key === key ? pending.list : undefined;
    },
  };
}
