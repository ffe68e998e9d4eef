import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PageList } from '@/components/PageList';
import { LibraryList } from '@/components/LibraryList';
import { getDb } from '@/lib/db/database';
import { getTabDetections, type TabDetections } from '@/lib/tabs/detections';

/** `popup.html?tab=<id>` shows that tab; otherwise the active tab of this window. */
async function resolveTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function App() {
  const db = getDb();
  const [detections, setDetections] = useState<TabDetections | undefined>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let tabId: number | undefined;
    const load = () => (tabId === undefined ? Promise.resolve() : getTabDetections(tabId).then(setDetections));
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && tabId !== undefined && `tab:${tabId}` in changes) void load();
    };
    browser.storage.onChanged.addListener(onChange);
    resolveTabId(location.search)
      .then((id) => {
        tabId = id;
        return load();
      })
      .catch((e: unknown) => setError(String(e)));
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  return (
    <main class="popup">
      <header class="popup-head">
        <h1>Papershelf</h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Export &amp; settings
        </button>
      </header>
      {error && <p role="alert">{error}</p>}
      <PageList db={db} papers={detections?.papers ?? []} />
      <LibraryList db={db} />
    </main>
  );
}
