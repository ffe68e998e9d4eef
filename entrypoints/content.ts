import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '@/lib/content/run';
import { fallbacks } from '@/lib/detect/generic';

// Every other page: the generic layer (citation_* meta, Dublin Core, JSON-LD, COinS, and as
// fallbacks the canonical URL, listings of identifiers, thin single articles) after a cheap check. The known sites have scripts of their own (entrypoints/<site>.content.ts) and are
// excluded from this one in wxt.config.ts (computed from the registry at build time, so that
// this script does not bundle the adapters).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main: (ctx) => runContentScript(ctx, [], fallbacks),
});
