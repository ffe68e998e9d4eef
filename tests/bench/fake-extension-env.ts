// Imported first by the sync benchmark: the library's writer signals changes through
// browser.storage, which Node lacks. A minimal stand-in (nothing is read back) and an
// IndexedDB (fake-indexeddb) let the real library code run in the bench process.
import 'fake-indexeddb/auto';

const g = globalThis as Record<string, unknown>;
g.chrome ??= {
  runtime: { id: 'bench' },
  storage: {
    local: { set: async () => undefined, get: async () => ({}), remove: async () => undefined },
    session: { set: async () => undefined, get: async () => ({}) },
  },
};
