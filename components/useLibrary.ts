import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PapershelfDB } from '@/lib/library/db';
import { syncLibrary, type LibraryDelta } from '@/lib/library/sync';
import type { Paper } from '@/lib/paper/schema';
import { createSearchIndex, type SearchIndex } from '@/lib/search/index';

export interface LibraryState {
  index: SearchIndex;
  /** Bumped on every change, for memo dependencies. */
  version: number;
  ready: boolean;
  /** Papers indexed so far while the first load is under way. */
  progress: number;
  error?: Error;
}

// Indexing 100,000 papers takes seconds: done in slices so the popup paints and stays responsive.
const SLICE = 2000;
const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/** The whole library in a search index, kept live from IndexedDB. */
export function useLibrary(db: PapershelfDB): LibraryState {
  const index = useMemo(() => createSearchIndex(), [db]);
  const [version, setVersion] = useState(0);
  const [ready, setReady] = useState(false);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<Error>();
  useEffect(() => {
    let chain = Promise.resolve();
    let live = true;
    const addAll = async (papers: Paper[]) => {
      for (let i = 0; i < papers.length && live; i += SLICE) {
        for (const p of papers.slice(i, i + SLICE)) index.add(p);
        setProgress(Math.min(papers.length, i + SLICE));
        if (i + SLICE < papers.length) await nextTask();
      }
    };
    const apply = async (d: LibraryDelta) => {
      for (const k of d.removed) index.remove(k);
      if (d.initial) await addAll(d.upserted);
      else for (const p of d.upserted) index.add(p);
      if (!live) return;
      setVersion((v) => v + 1);
      if (d.initial) setReady(true);
    };
    // Deltas are applied in order, after the first load has finished.
    const sub = syncLibrary(db, (d) => void (chain = chain.then(() => apply(d))), setError);
    return () => {
      live = false;
      sub.unsubscribe();
    };
  }, [db, index]);
  return { index, version, ready, progress, error };
}
