/**
 * Asks the browser to keep the index when disk space runs low (best-effort eviction would
 * otherwise drop a user's notes with the rest of the origin's data). Browsers may refuse or ask
 * the user; the answer is only reported, nothing depends on it.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.persist) return false;
  try {
    if (await storage.persisted?.()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
