/**
 * Deleted rows kept where they were deleted (the background, or the extension page that owns the
 * database), so "Undo" sends a short token instead of the rows: a report's text can exceed any
 * message limit, and rows sent back by a page could be anything. A token is unguessable, used
 * once, and forgotten after `UNDO_TTL_MS` or when more than `UNDO_KEPT` deletions are waiting.
 * The shelf is memory only: an undo offered by a toast that lives 15 seconds needs no more.
 */
export const UNDO_TTL_MS = 10 * 60_000;
export const UNDO_KEPT = 20;

interface Shelved {
  kind: string;
  value: unknown;
  until: number;
}

const shelves = new WeakMap<object, Map<string, Shelved>>();

function shelfOf(owner: object): Map<string, Shelved> {
  let shelf = shelves.get(owner);
  if (!shelf) shelves.set(owner, (shelf = new Map()));
  return shelf;
}

/** Keeps `value` (what a delete removed) for undo; answers the token that brings it back. */
export function shelve(owner: object, kind: string, value: unknown, now = Date.now()): string {
  const shelf = shelfOf(owner);
  for (const [token, item] of shelf) if (item.until <= now) shelf.delete(token);
  while (shelf.size >= UNDO_KEPT) shelf.delete(shelf.keys().next().value!);
  const token = globalThis.crypto.randomUUID();
  shelf.set(token, { kind, value, until: now + UNDO_TTL_MS });
  return token;
}

/** Takes back what `token` kept (once); throws a readable message when it is unknown or too old. */
export function unshelve<T>(owner: object, kind: string, token: string, now = Date.now()): T {
  const shelf = shelfOf(owner);
  const item = shelf.get(token);
  if (!item || item.kind !== kind || item.until <= now) {
    throw new Error('Nothing to undo: the deletion is too old or was already undone.');
  }
  shelf.delete(token);
  return item.value as T;
}
