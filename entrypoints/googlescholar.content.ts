import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '@/lib/content/run';
import { matchPatterns } from '@/lib/detect/match';
import { googlescholar } from '@/lib/detect/sites/googlescholar';

// One script per site: a page receives its own site's adapter and the shared core only.
export default defineContentScript({
  matches: matchPatterns([googlescholar]),
  runAt: 'document_start',
  main: (ctx) => runContentScript(ctx, [googlescholar]),
});
