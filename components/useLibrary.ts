import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PapershelfDB } from '@/lib/db/database';
import { syncLibrary } from '@/lib/library/sync';
import { createSearchIndex, type SearchIndex } from '@/lib/search/index';

export interface LibraryState {
  index: SearchIndex;
  /** Bumped on every change, for memo dependencies. */
  version: number;
  ready: boolean;
  error?: Error;
}

/** The whole library in a search index, kept live from IndexedDB. */
export function useLibrary(db: PapershelfDB): LibraryState {
  const index = useMemo(() => createSearchIndex(), [db]);
  const [version, setVersion] = useState(0);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<Error>();
  useEffect(() => {
    const sub = syncLibrary(
      db,
      (d) => {
        for (const k of d.removed) index.remove(k);
        for (const p of d.upserted) index.add(p);
        setVersion((v) => v + 1);
        if (d.initial) setReady(true);
      },
      setError,
    );
    return () => sub.unsubscribe();
  }, [db, index]);
  return { index, version, ready, error };
}
