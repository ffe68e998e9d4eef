// The content script of each site, generated at build time (wxt.config.ts, hook
// `entrypoints:found`) from the adapter files in lib/detect/sites/: adding a site touches its
// adapter, its fixture and its test, no entrypoint. Each script bundles its own adapter only.

/** Where the generated scripts go, under WXT's own `.wxt` folder (not checked in). */
export const SITE_SCRIPTS_DIR = 'sites';

/** The adapter ids: the file names in lib/detect/sites/ (each exports a const of that name). */
export function siteIds(files: string[]): string[] {
  return files
    .filter((f) => /^[a-z][a-z0-9]*\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
}

/** The entrypoint of one site: its adapter's match patterns, and that adapter only. */
export function siteScriptSource(id: string): string {
  if (!/^[a-z][a-z0-9]*$/.test(id)) throw new Error(`not an adapter id: ${JSON.stringify(id)}`);
  return `// Generated from lib/detect/sites/${id}.ts by wxt.config.ts (lib/content/siteScripts.ts): do not edit.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '@/lib/content/run';
import { matchPatterns } from '@/lib/detect/match';
import { ${id} as adapter } from '@/lib/detect/sites/${id}';

export default defineContentScript({
  matches: matchPatterns([adapter]),
  runAt: 'document_start',
  main: (ctx) => runContentScript(ctx, [adapter]),
});
`;
}
