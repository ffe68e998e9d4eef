import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** Preact binding of Dexie's liveQuery: re-renders when the queried data changes anywhere. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: Error | undefined } {
  const [state, setState] = useState<{ data: T | undefined; error: Error | undefined }>({ data: undefined, error: undefined });
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (data) => setState({ data, error: undefined }),
      error: (error: unknown) => setState((s) => ({ data: s.data, error: error instanceof Error ? error : new Error(String(error)) })),
    });
    return () => sub.unsubscribe();
  }, deps);
  return state;
}
