import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { quickCheck } from '@/lib/detect/quick';
import { PageSession } from '@/lib/inline/session';
import { watchPage } from '@/lib/inline/watch';
import { CHANGE_KEY, type LibraryChange } from '@/lib/messaging/changes';
import { ask } from '@/lib/messaging/client';
import { isToContent } from '@/lib/messaging/guards';
import { loadContentSettings } from '@/lib/settings/content';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_end',
  async main(ctx) {
    const settings = await loadContentSettings();
    const url = new URL(location.href);
    const verdict = quickCheck(document, url, { detectOn: settings.detectOn, disabled: settings.disabledSites });
    if (verdict === 'none') return;

    const session = new PageSession(
      document,
      {
        report: async (pageUrl, papers) => (await ask({ type: 'detected', url: pageUrl, papers })).saved,
        save: async (paper) => (await ask({ type: 'save', papers: [paper] })).saved,
        unsave: async (key) => void (await ask({ type: 'remove', keys: [key], ifBare: true })),
        onError: (m) => console.warn('[Papershelf]', m),
      },
      {
        inlineButtons: settings.inlineButtons,
        genericEverywhere: settings.detectOn === 'all',
        disabled: settings.disabledSites,
      },
    );
    await session.scan();
    const unwatch = verdict === 'site' ? watchPage(window, session) : () => {};

    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[CHANGE_KEY]?.newValue as LibraryChange | undefined;
      if (area !== 'local' || !change) return;
      const mine = session.keys;
      if (change.keys.length && !change.keys.some((k) => mine.includes(k))) return;
      void ask({ type: 'savedAmong', keys: mine }).then((r) => session.applySaved(r.saved), () => {});
    };
    browser.storage.onChanged.addListener(onStorage);

    const onMessage = (raw: unknown) => {
      if (!isToContent(raw)) return undefined;
      if (raw.type === 'rescan') return session.scan(location.href).then(() => ({ count: session.keys.length }));
      const papers = session.keys.map((k) => session.paper(k)!).filter(Boolean);
      return ask({ type: 'save', papers }).then((r) => ({ count: r.saved.length }));
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      unwatch();
      session.destroy();
      browser.storage.onChanged.removeListener(onStorage);
    });
  },
});
