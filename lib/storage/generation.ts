/**
 * A count of the writes to each database, by name: whatever was read while it had one value is
 * still true while it keeps it. Views memoise their answers on it (lib/views/memo.ts).
 *
 * Two ways in, both only ever bumping: every write request of this context (a DBCore middleware
 * that counts when the write is asked and again when it settles, so a read that overlaps a write
 * never sees the count it started with), and Dexie's `storagemutated` event, which Dexie fires
 * when a write transaction commits here and, through a BroadcastChannel, when one commits in
 * another context of the same origin (the notes page opens the index itself and restores backups).
 */
import Dexie, { type DBCore, type Middleware } from 'dexie';

const counts = new Map<string, number>();
/** Bumped by a change Dexie reports without naming a database. */
let everywhere = 0;

function bump(name: string): void {
  counts.set(name, (counts.get(name) ?? 0) + 1);
}

/** The write count of the database called `name` (0 before any write seen). */
export function writeGeneration(name: string): number {
  return (counts.get(name) ?? 0) + everywhere;
}

/** The middleware that counts this context's writes to the database called `name`. */
export function countWrites(name: string): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'WriteGeneration',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (req) => {
            bump(name);
            return table.mutate(req).then(
              (res) => (bump(name), res),
              (err: unknown) => {
                bump(name);
                throw err;
              },
            );
          },
        };
      },
    }),
  };
}

// Parts are named `idb://<database>/<table>/<index>`; a bare `all` part stands for every database.
Dexie.on('storagemutated', (parts) => {
  const names = new Set<string>();
  for (const part of Object.keys(parts)) {
    const m = /^idb:\/\/([^/]*)\//.exec(part);
    if (m) names.add(m[1]);
    else everywhere++;
  }
  for (const name of names) bump(name);
});
