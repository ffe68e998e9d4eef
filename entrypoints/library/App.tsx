import { useRef, useState } from 'preact/hooks';
import { BrandHead } from '@/components/BrandHead';
import { AnnotationsView } from '@/components/AnnotationsView';
import { LibraryView } from '@/components/LibraryView';
import { PaperDetails } from '@/components/PaperDetails';
import { Toast, type ToastMessage } from '@/components/Toast';
import { useLibrary } from '@/components/useLibrary';
import { useSettings } from '@/components/useSettings';
import { describeDbError, openLibrary } from '@/lib/library/db';
import * as library from '@/lib/library/commands';
import type { Paper } from '@/lib/paper/schema';
import { tagCounts } from '@/lib/search/tags';

type Tab = 'papers' | 'annotations';

/** library.html: the library at page size — list and details side by side, and every annotation. */
export function App() {
  const db = openLibrary();
  const lib = useLibrary(db);
  useSettings();
  const [tab, setTab] = useState<Tab>(location.hash === '#annotations' ? 'annotations' : 'papers');
  const [open, setOpen] = useState<string>();
  const [error, setError] = useState<string>();
  const [toast, setToast] = useState<ToastMessage>();
  const searchRef = useRef<HTMLInputElement>(null);
  const removed = (papers: Paper[]) => {
    if (!papers.length) return;
    setOpen(undefined);
    setToast({
      id: Date.now(),
      text: papers.length === 1 ? `Removed “${papers[0].title.slice(0, 60)}”.` : `Removed ${papers.length} papers.`,
      action: { label: 'Undo', run: () => void library.restore(db, papers).catch((e: unknown) => setError(describeDbError(e))) },
    });
  };
  const show = (t: Tab) => {
    setTab(t);
    history.replaceState(null, '', t === 'annotations' ? '#annotations' : '#');
  };
  return (
    <main class="library-page">
      <BrandHead class="popup-head" icon={32} size={20} title="Papershelf library" />
      <nav class="tabs" role="tablist" aria-label="Views">
        <button type="button" role="tab" aria-selected={tab === 'papers'} onClick={() => show('papers')}>
          Papers <span class="count">{lib.ready ? lib.index.size : '…'}</span>
        </button>
        <button type="button" role="tab" aria-selected={tab === 'annotations'} onClick={() => show('annotations')}>
          Annotations
        </button>
      </nav>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {tab === 'papers' ? (
        <div class="library-split">
          <LibraryView
            db={db}
            lib={lib}
            searchRef={searchRef}
            onOpen={setOpen}
            onRemove={(keys) => void library.remove(db, keys).then(removed, (e: unknown) => setError(describeDbError(e)))}
            onExport={() => setError('Export the selection from the popup or the options page.')}
          />
          {open ? (
            <PaperDetails
              db={db}
              paperKey={open}
              knownTags={tagCounts(lib.index).map((t) => t.tag)}
              onBack={() => setOpen(undefined)}
              onRemoved={removed}
              notify={(text) => setToast({ id: Date.now(), text })}
            />
          ) : (
            <p class="empty-state">Pick a paper to see its details, note and highlights.</p>
          )}
        </div>
      ) : (
        <AnnotationsView
          db={db}
          lib={lib}
          onOpen={(key) => {
            setOpen(key);
            show('papers');
          }}
        />
      )}
      <Toast toast={toast} onDone={() => setToast(undefined)} />
    </main>
  );
}
