import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createChunk, HIGHLIGHT_CHUNK_KEY } from '@/lib/highlight/content';
import { readMirror } from '@/lib/highlight/mirror';
import { ask } from '@/lib/messaging/client';
import { loadContentSettings } from '@/lib/settings/content';

// Highlighting, as a file of its own: content scripts import it only on a page with one paper,
// so other pages never load it; on pages that show one paper by their URL it is also declared
// as a content script (wxt.config.ts), in the page from document_start. Either way it runs in
// the content scripts' world, where they find it under HIGHLIGHT_CHUNK_KEY.
export default defineUnlistedScript(() => {
  const disabled = async (site: string) => (await loadContentSettings()).disabledSites.includes(site);
  (globalThis as Record<string, unknown>)[HIGHLIGHT_CHUNK_KEY] = createChunk(
    document,
    location.href,
    document.readyState === 'loading',
    ask,
    disabled,
    readMirror,
  );
});
