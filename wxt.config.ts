import preact from '@preact/preset-vite';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { SITE_SCRIPTS_DIR, siteIds, siteScriptSource } from './lib/content/siteScripts';
import { PAPER_PAGE_MATCHES } from './lib/highlight/early';

// `npm run dev` opens Chromium with the extension (WXT's web-ext runner). As root (containers, cloud
// boxes) Chromium will not start without --no-sandbox, and on Linux without X11 or Wayland it
// cannot start at all: WXT then only builds and serves, and says what to do instead.
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const NO_DISPLAY_HINT =
  'No display (DISPLAY and WAYLAND_DISPLAY unset), so no browser opens: run "npm run build" and load .output/chrome-mv3 unpacked at chrome://extensions, or run "xvfb-run -a npm run dev".';
let hinted = false;

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  // MV3 for Firefox too: one code path (`action`, `_execute_action`, storage.session). Since
  // Firefox 127 the sites an MV3 add-on reads are granted at install, as in Chrome.
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  webExt: {
    disabled: noDisplay,
    ...(chromium && { binaries: { chrome: chromium } }),
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
  hooks: {
    'build:done': (wxt) => {
      if (wxt.config.command !== 'serve' || !noDisplay || hinted) return;
      hinted = true;
      wxt.logger.warn(NO_DISPLAY_HINT);
    },
    // One content script per site adapter, generated (lib/content/siteScripts.ts): a new site
    // needs no entrypoint file. Written only when changed, so that dev mode does not rebuild.
    'entrypoints:found': async (wxt, infos) => {
      const dir = resolve(wxt.config.wxtDir, SITE_SCRIPTS_DIR);
      await mkdir(dir, { recursive: true });
      const ids = siteIds(await readdir(resolve(wxt.config.root, 'lib/detect/sites')));
      // The script of a site removed since (type-checked with the project: it would not compile).
      for (const f of await readdir(dir)) if (!ids.includes(f.replace(/\.content\.ts$/, ''))) await rm(resolve(dir, f));
      for (const id of ids) {
        const inputPath = resolve(dir, `${id}.content.ts`);
        const source = siteScriptSource(id);
        if ((await readFile(inputPath, 'utf8').catch(() => '')) !== source) await writeFile(inputPath, source);
        infos.push({ name: id, inputPath, type: 'content-script' });
      }
    },
    // The generic script (content.js) skips the known sites: each has its own script, whose
    // matches are the site's hosts.
    'build:manifestGenerated': (_wxt, manifest) => {
      const scripts = manifest.content_scripts ?? [];
      const generic = scripts.find((cs) => cs.js?.includes('content-scripts/content.js'));
      if (generic)
        generic.exclude_matches = [...new Set(scripts.filter((cs) => cs !== generic).flatMap((cs) => cs.matches ?? []))]
          .map((m) => m.replace(/\/\*$/, ''))
          .sort()
          .map((m) => `${m}/*`);
      // Pages that show one paper by their URL: the highlight chunk comes in with the site's
      // script instead of a dynamic import that waits for the page's first layout (issue 20).
      scripts.push({ matches: PAPER_PAGE_MATCHES, js: ['highlight.js'], run_at: 'document_start' });
      manifest.content_scripts = scripts;
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
    host_permissions: [
      'https://export.arxiv.org/*',
      'https://api.crossref.org/*',
      'https://api.semanticscholar.org/*',
      'https://api2.openreview.net/*',
    ],
    // Sync: the user's WebDAV server, asked for when they connect it (permissions.request), never at install.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
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
    // Chunks content scripts import on demand: highlighting on pages with one paper
    // (lib/content/highlights.ts), triage on listings (lib/content/triage.ts).
    // use_dynamic_url: reachable only at a per-session address, so no page can probe for it.
    web_accessible_resources: [{ resources: ['highlight.js', 'triage.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  },
});
