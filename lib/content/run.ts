// The content script's body, shared by the per-site scripts and the generic one: each bundles
// only the adapters it is given, so a page receives a small script.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { keyAtUrl, quickCheck } from '../detect/quick';
import type { Generic, SiteAdapter } from '../detect/types';
import { PageSession } from '../inline/session';
import { watchPage } from '../inline/watch';
import { loadTriageChunk } from './triage';
import { CHANGE_KEY, type LibraryChange } from '../messaging/changes';
import { ask } from '../messaging/client';
import { isToContent } from '../messaging/guards';
import { forgetMeta } from '../detect/meta';
import { prefetchHighlights, startPageHighlights, type HighlightsPrefetch, type PageHighlights } from './highlights';
import { loadContentSettings, readContentSettings, type ContentSettings } from '../settings/content';

/**
 * Resolves when the document is parsed. The scripts are injected at document_start and wait here:
 * settings load while the page parses, and the scan runs inside DOMContentLoaded, before the
 * page's first layout (at document_end Chromium runs the script only after that layout, which on
 * a 2,000-entry listing is a second or more later, and the controls then cost a second layout).
 */
export function domReady(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

const triageOptions = (s: ContentSettings) => ({ ledger: s.seenLedger, dimSeen: s.dimSeen, hide: s.hideInsteadOfDim, watchList: s.watchList });

/**
 * `fallbacks`: what the engine tries when nothing else found a paper; the generic script passes
 * the whole list (the listing layer, thin articles), a site's script leaves the default.
 */
export async function runContentScript(ctx: ContentScriptContext, adapters: SiteAdapter[], fallbacks?: Generic[]): Promise<void> {
  const pending = loadContentSettings();
  // A page whose URL names its one paper (arXiv's /abs/, /html/): the highlight chunk and the
  // paper's highlights load while the page parses, ready to draw when detection confirms it.
  let early: HighlightsPrefetch | undefined;
  void pending.then(
    (s) => {
      const key = keyAtUrl(new URL(location.href), { disabled: s.disabledSites, adapters });
      if (key) early = prefetchHighlights(key);
    },
    () => {},
  );
  await domReady(document);
  let settings = await pending;
  const url = new URL(location.href);
  const verdict = quickCheck(document, url, { detectOn: settings.detectOn, disabled: settings.disabledSites, adapters });
  if (verdict === 'none') return;

  const session = new PageSession(
    document,
    {
      report: async (pageUrl, papers) => {
        followPaper();
        return (await ask({ type: 'detected', url: pageUrl, papers })).saved;
      },
      save: async (paper) => (await ask({ type: 'save', papers: [paper] })).saved,
      unsave: async (key) => void (await ask({ type: 'remove', keys: [key], ifBare: true })),
      onError: (m) => console.warn('[Papershelf]', m),
      triage: {
        lookup: (keys) => ask({ type: 'seenLookup', keys }),
        seen: async (pageUrl, entries) => void (await ask({ type: 'seen', url: pageUrl, entries })),
        dismiss: async (key, undo) => void (await ask({ type: 'dismiss', key, undo })),
      },
    },
    {
      adapters,
      fallbacks,
      inlineButtons: settings.inlineButtons,
      genericEverywhere: settings.detectOn === 'all',
      disabled: settings.disabledSites,
      beforeScan: () => forgetMeta(document),
      triage: triageOptions(settings),
      // A listing: triage's code (marks, Dismiss, keyboard) loads now, after the controls.
      onListing: () => startTriage(),
    },
  );
  let stopKeys = () => {};
  let triageStarted = false;
  function startTriage(): void {
    if (triageStarted) return;
    triageStarted = true;
    loadTriageChunk()
      .then((chunk) => {
        if (ctx.isInvalid) return;
        session.enableTriage(chunk.InlineTriage);
        // Keyboard triage: on the known sites by default (none has single-key shortcuts of its own).
        stopKeys = chunk.startKeyboardTriage(window, session, {
          enabled: () => settings.keyboardTriage === 'on' || (settings.keyboardTriage === 'auto' && verdict === 'site'),
          open: (u) => void window.open(u, '_blank', 'noopener'),
          annotate: async (paper, add) => void (await ask({ type: 'annotate', papers: [paper], ...add })),
          onError: (m) => console.warn('[Papershelf]', m),
        });
      })
      .catch((e: unknown) => console.warn('[Papershelf] triage:', e));
  }
  // Registered before the first scan: the extension may be reloaded while that scan's report is
  // pending (and then never answered). WXT notices an orphaned script only when asked, so a
  // ctx timer asks (it checks browser.runtime.id): the dead controls leave within two seconds.
  let detach = () => {};
  ctx.setInterval(() => {}, 1500);
  ctx.onInvalidated(() => {
    session.destroy();
    detach();
  });
  // Highlighting (issue 20) loads only where exactly one paper was found. Every scan whose
  // findings changed reports them, synchronously at its end: the first scan's highlights load
  // while that report is answered, and an in-page navigation to another paper (pushState,
  // popstate: the session scans again) clears the old paper's highlights and draws the new one's.
  let highlights: PageHighlights = startPageHighlights(document, undefined);
  let highlightKey: string | undefined;
  function followPaper(): void {
    const key = session.keys.length === 1 ? session.keys[0] : undefined;
    if (key === highlightKey) return;
    highlights.destroy();
    highlightKey = key;
    highlights = startPageHighlights(document, key ? session.paper(key) : undefined, early);
    early = undefined; // its list is of the page's load: a later visit to that paper asks anew
  }
  const scanned = session.scan();
  // Known sites may render client-side; other pages are read once. Watched from the first
  // screen's controls on: a long listing's other controls come in idle time, and what the page
  // adds or removes meanwhile must be seen (scanAdded), not lost.
  const unwatch = verdict === 'site' ? watchPage(window, session) : () => {};
  // The background's commands are heard from the start: the badge shows while the first scan's
  // report is still being answered, and a shortcut pressed then waits for that scan instead of
  // finding no listener (and saving nothing).
  const onMessage = (raw: unknown) => {
    if (!isToContent(raw)) return undefined;
    // A dismissal made in another tab: re-dimmed here at once, no reply wanted.
    if (raw.type === 'dismissed') return void session.applyDismissed(raw.key, raw.dismissed);
    return scanned
      .catch(() => {})
      .then(() => {
        if (raw.type === 'rescan') return session.scan(location.href).then(() => ({ count: session.keys.length }));
        if (raw.type === 'highlight') return highlights.highlightSelection().then((h) => ({ count: h ? 1 : 0 }));
        const papers = session.keys.map((k) => session.paper(k)!).filter(Boolean);
        return ask({ type: 'save', papers }).then((r) => ({ count: r.saved.length }));
      });
  };
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the promise is the reply (WebExtension onMessage)
  browser.runtime.onMessage.addListener(onMessage);
  const stopMessages = () => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the same listener as added above
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      /* the old extension context is gone: nothing left to detach */
    }
  };
  detach = () => {
    highlights.destroy();
    unwatch();
    stopMessages();
  };
  await scanned;
  if (ctx.isInvalid) return;
  // In-app navigations (pushState) that change no DOM node at first are caught here too.
  if (verdict === 'site') ctx.addEventListener(window, 'wxt:locationchange', () => void session.scan(location.href));

  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes.settings) {
      // Settings apply to open tabs at once: controls are rebuilt (or dropped) and the badge follows.
      const next = (settings = readContentSettings(changes.settings.newValue));
      session.destroy();
      session.reconfigure({
        inlineButtons: next.inlineButtons,
        genericEverywhere: next.detectOn === 'all',
        disabled: next.disabledSites,
        triage: triageOptions(next),
      });
      void session.scan(location.href);
    }
    const change = changes[CHANGE_KEY]?.newValue as LibraryChange | undefined;
    if (area !== 'local' || !change) return;
    const mine = session.keys;
    if (change.keys.length && !change.keys.some((k) => mine.includes(k))) return;
    highlights.reload();
    void ask({ type: 'savedAmong', keys: mine }).then(
      (r) => session.applySaved(r.saved),
      () => {},
    );
  };
  browser.storage.onChanged.addListener(onStorage);

  detach = () => {
    unwatch();
    highlights.destroy();
    stopKeys();
    try {
      browser.storage.onChanged.removeListener(onStorage);
    } catch {
      /* the old extension context is gone: nothing left to detach */
    }
    stopMessages();
  };
}
