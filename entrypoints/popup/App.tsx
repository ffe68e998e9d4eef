import { useEffect, useRef, useState } from 'preact/hooks';
import { BrandHead } from '@/components/BrandHead';
import { browser } from 'wxt/browser';
import { LibraryView } from '@/components/LibraryView';
import { PageList } from '@/components/PageList';
import { SyncState } from '@/components/SyncState';
import { SeenRecently } from '@/components/SeenRecently';
import { loadDetails, PaperDetails } from '@/components/LazyDetails';
import { Toast, type ToastMessage } from '@/components/Toast';
import { useLibrary } from '@/components/useLibrary';
import { useSettings } from '@/components/useSettings';
import { openLibrary } from '@/lib/library/db';
import { describeDbError } from '@/lib/library/db';
import { requestPersistence } from '@/lib/backup/persist';
import * as library from '@/lib/library/commands';
import type { Paper } from '@/lib/paper/schema';
import { tagCounts } from '@/lib/search/tags';
import { getTabDetections, type TabDetections } from '@/lib/tabs/detections';
import { EXPORT_SELECTION_KEY } from '@/lib/library/handoff';
import type { FirstRowsRead } from '@/lib/library/firstRows';
import { ask } from '@/lib/messaging/client';
import { sightingOf } from '@/lib/triage/sighting';
import { getTabTriage, tabTriageKey, type TabTriage } from '@/lib/triage/tabs';

/** `popup.html?tab=<id>` shows that tab; otherwise the active tab of this window. */
async function resolveTabId(search: string): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

type View = { name: 'page' | 'library' | 'seen' } | { name: 'details'; key: string; from: 'page' | 'library' };

export function App({ firstRows }: { firstRows?: FirstRowsRead }) {
  const db = openLibrary();
  const lib = useLibrary(db);
  const settings = useSettings(); // also applies the theme setting (system, light, dark)
  const [detections, setDetections] = useState<TabDetections>();
  const [tabTriage, setTabTriage] = useState<{ tabId: number; value: TabTriage | undefined }>();
  const [view, setView] = useState<View>({ name: 'library' });
  const [error, setError] = useState<string>();
  const [toast, setToast] = useState<ToastMessage>();
  const searchRef = useRef<HTMLInputElement>(null);
  const opened = useRef(false);
  const papersHere = detections?.papers ?? [];

  useEffect(() => {
    let tabId: number | undefined;
    const load = () =>
      tabId === undefined
        ? Promise.resolve()
        : getTabDetections(tabId).then((d) => {
            setDetections(d);
            // First look: open on the page's papers when there are some.
            if (!opened.current) {
              opened.current = true;
              if (d?.papers.length) setView((v) => (v.name === 'library' ? { name: 'page' } : v));
            }
          });
    const loadTriage = () => {
      const id = tabId;
      if (id !== undefined) void getTabTriage(id).then((value) => setTabTriage({ tabId: id, value }));
    };
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && tabId !== undefined && `tab:${tabId}` in changes) void load();
      if (area === 'session' && tabId !== undefined && tabTriageKey(tabId) in changes) loadTriage();
    };
    browser.storage.onChanged.addListener(onChange);
    resolveTabId(location.search)
      .then((id) => {
        tabId = id;
        loadTriage();
        return load();
      })
      .catch((e: unknown) => setError(describeDbError(e)));
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  // Once the library is in: the details view is fetched ahead of need, and persistent storage is
  // asked for. (The daily automatic backup runs in the background, on an alarm.)
  useEffect(() => {
    if (!lib.ready) return;
    const timer = setTimeout(() => {
      void loadDetails().catch(() => {});
      void requestPersistence();
    }, 300);
    return () => clearTimeout(timer);
  }, [lib.ready]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (e.key === '/' && !typing) {
        e.preventDefault();
        setView({ name: 'library' });
        setTimeout(() => searchRef.current?.focus());
      } else if (e.key === 'Escape' && view.name === 'details') {
        e.preventDefault();
        setView({ name: view.from });
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [view]);

  const notify = (text: string) => setToast({ id: Date.now(), text });
  const removed = (papers: Paper[]) => {
    if (!papers.length) return;
    setToast({
      id: Date.now(),
      text: papers.length === 1 ? `Removed “${papers[0].title.slice(0, 60)}”.` : `Removed ${papers.length} papers.`,
      action: { label: 'Undo', run: () => void library.restore(db, papers).catch((e: unknown) => setError(describeDbError(e))) },
    });
  };
  const removeKeys = (keys: string[]) => void library.remove(db, keys).then(removed, (e: unknown) => setError(describeDbError(e)));
  const exportKeys = async (keys: string[]) => {
    await browser.storage.session.set({ [EXPORT_SELECTION_KEY]: keys });
    await browser.tabs.create({ url: browser.runtime.getURL('/options.html#export-selection') });
  };

  return (
    <main class="popup">
      <BrandHead class="popup-head" icon={32} size={18}>
        <SyncState />
        <span class="section-actions">
          <button type="button" class="link" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/library.html') })}>
            Library page
          </button>
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            Export &amp; settings
          </button>
        </span>
      </BrandHead>
      {view.name !== 'details' && (
        <nav class="tabs" role="tablist" aria-label="Views">
          <button type="button" role="tab" aria-selected={view.name === 'page'} onClick={() => setView({ name: 'page' })}>
            This page <span class="count">{papersHere.length}</span>
          </button>
          <button type="button" role="tab" aria-selected={view.name === 'library'} onClick={() => setView({ name: 'library' })}>
            Library <span class="count">{lib.ready ? lib.index.size : '…'}</span>
          </button>
          <button type="button" role="tab" aria-selected={view.name === 'seen'} onClick={() => setView({ name: 'seen' })}>
            Seen recently
          </button>
        </nav>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {view.name === 'page' && (
        <PageList
          db={db}
          papers={papersHere}
          onOpen={(key) => setView({ name: 'details', key, from: 'page' })}
          onError={setError}
          triage={{
            newKeys: settings.seenLedger ? tabTriage?.value?.newKeys : undefined,
            watchList: settings.watchList,
            markAllSeen: () =>
              tabTriage
                ? ask({ type: 'markSeen', tabId: tabTriage.tabId, url: detections?.url ?? '', entries: papersHere.map(sightingOf) })
                : Promise.resolve(),
          }}
        />
      )}
      {view.name === 'seen' && <SeenRecently db={db} onError={setError} />}
      {view.name === 'library' && (
        <LibraryView
          db={db}
          lib={lib}
          firstRows={firstRows}
          searchRef={searchRef}
          onOpen={(key) => setView({ name: 'details', key, from: 'library' })}
          onRemove={removeKeys}
          onExport={(keys) => void exportKeys(keys)}
        />
      )}
      {view.name === 'details' && (
        <PaperDetails
          db={db}
          paperKey={view.key}
          knownTags={tagCounts(lib.index).map((t) => t.tag)}
          onBack={() => setView({ name: view.from })}
          onRemoved={(papers) => {
            removed(papers);
            setView({ name: view.from });
          }}
          notify={notify}
        />
      )}
      <Toast toast={toast} onDone={() => setToast(undefined)} />
    </main>
  );
}
