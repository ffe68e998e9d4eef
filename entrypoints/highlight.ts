import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { HIGHLIGHT_CHUNK_KEY, mountHighlights } from '@/lib/highlight/content';

// Highlighting, as a file of its own: content scripts import it only on a page with one paper,
// so other pages never load it. Imported from a content script it runs in that script's world.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[HIGHLIGHT_CHUNK_KEY] = { mountHighlights };
});
