import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { matchPatterns } from './lib/detect/match';
import { adapters } from './lib/detect/registry';

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  // MV3 for Firefox too: one code path (`action`, `_execute_action`, storage.session). Since
  // Firefox 127 the sites an MV3 add-on reads are granted at install, as in Chrome.
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The generic script (content.js) skips the known sites: each has its own script.
    'build:manifestGenerated': (_wxt, manifest) => {
      const generic = manifest.content_scripts?.find((cs) => cs.js?.includes('content-scripts/content.js'));
      if (generic) generic.exclude_matches = matchPatterns(adapters);
      // Firefox needs a stable id (storage and updates are tied to it).
      // Only there: Chrome warns about the unknown key.
      // Nothing is sent to us or to third parties about the user (AMO's data collection declaration).
      if (_wxt.config.browser === 'firefox') {
        const gecko = { id: 'papershelf@papershelf.dev', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } };
        manifest.browser_specific_settings = { gecko };
      }
    },
  },
  manifest: {
    name: 'Papershelf',
    description: 'Save the papers you meet while browsing — arXiv, Hugging Face, OpenReview, Scholar and more. Tags, notes, BibTeX. All local.',
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'alarms'],
    // Metadata completion (lib/enrich): the service worker's requests to these APIs only.
    host_permissions: ['https://export.arxiv.org/*', 'https://api.crossref.org/*', 'https://api.semanticscholar.org/*', 'https://api2.openreview.net/*'],
    // Grey by default; the background lights the icon up on tabs where papers were found.
    action: {
      default_title: 'Papershelf',
      default_icon: { 16: '/icon/16-off.png', 19: '/icon/19-off.png', 32: '/icon/32-off.png', 38: '/icon/38-off.png', 48: '/icon/48-off.png' },
    },
    // Suggested keys (Chromium keeps Alt+Shift+P for itself); users change them at
    // chrome://extensions/shortcuts (Firefox: about:addons).
    commands: {
      'save-page': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Save the papers on this page' },
      _execute_action: { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open Papershelf' },
      'highlight-selection': { suggested_key: { default: 'Alt+Shift+H' }, description: 'Highlight the selected text' },
    },
    // The highlight chunk, imported by content scripts on pages with one paper (lib/content/highlights.ts).
    // use_dynamic_url: reachable only at a per-session address, so no page can probe for it.
    web_accessible_resources: [{ resources: ['highlight.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  },
});
