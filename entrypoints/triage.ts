import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { TRIAGE_CHUNK_KEY } from '@/lib/content/triage';
import { startKeyboardTriage } from '@/lib/inline/keyboard';
import { InlineTriage } from '@/lib/inline/triage';

// Daily triage on listings, as a file of its own: content scripts import it only once a page
// shows two controls, so paper pages and pages without papers never load it.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[TRIAGE_CHUNK_KEY] = { InlineTriage, startKeyboardTriage };
});
