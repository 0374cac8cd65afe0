/**
 * `zhibiao pack FILES|DIRS… -o library.json`: a library file in the extension's backup format
 * (lib/backup), so a group can share an index built on one machine; the library page's restore
 * merges it.
 *
 * The rows are made by the extension's own indexing code: each report goes through lib/import
 * importText → lib/storage indexReport into a Dexie database held in memory (fake-indexeddb), and
 * createBackup writes that database out. Re-implementing the rows here would drift from what the
 * background writes (indicator ids, region re-linking, report ids).
 */
import { writeFile, rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIO } from '../main';
import type { CollectionArgs } from './args';
import { collect, reportFailures } from './collect';
import { ZhibiaoDB } from '../../lib/storage';
import { createBackup } from '../../lib/backup';
import { importText } from '../../lib/import/index-text';

export async function runPack(args: CollectionArgs, io: CliIO): Promise<number> {
  const collection = await collect(args, io, true);
  if (collection.reports.length === 0) {
    reportFailures(io, collection.failures);
    io.stderr(`zhibiao: no report among ${collection.files} ${collection.files === 1 ? 'file' : 'files'}; nothing written\n`);
    return 1;
  }
  const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
  const db = new ZhibiaoDB(`zhibiao-pack-${process.pid}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  let added = 0;
  let duplicates = 0;
  try {
    for (const r of collection.reports) {
      const outcome = await importText(db, { source: r.source, text: r.text!, title: r.title, url: r.url }, r.analysis);
      if (outcome.status === 'added') added++;
      else duplicates++;
    }
    const backup = await createBackup(db);
    const out = resolve(io.cwd, args.out);
    const temp = `${out}.tmp-${process.pid}`;
    try {
      await writeFile(temp, JSON.stringify(backup));
      await rename(temp, out);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    io.stdout(out + '\n');
    io.stderr(
      `zhibiao: packed ${added} reports (${backup.counts.figures} figures, ${backup.counts.indicators} indicators)` +
        `${duplicates ? `, ${duplicates} duplicates of another file skipped` : ''}, ${collection.notReports.length} not reports\n`,
    );
  } finally {
    db.close();
  }
  return reportFailures(io, collection.failures);
}
