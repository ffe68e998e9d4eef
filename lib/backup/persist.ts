// Asks the browser to keep our storage under pressure (not evict IndexedDB). Extensions holding
// `unlimitedStorage` are usually granted at once; asking costs nothing when already granted.
export async function requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  try {
    if (!storage?.persist) return false;
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
