/**
 * `zhibiao panel FILES|DIRS… --out PATH [--workers N]`: one long table of every figure of every
 * report in a collection, with the assessments of targets against outcomes (see write.ts for the
 * files each format gives). Stdout lists the files written, one per line; everything else goes to
 * stderr. Exit status: 0, 1 when nothing could be written, 2 usage, 3 when some files failed (the
 * panel holds the others).
 */
import { resolve } from 'node:path';
import type { CliIO } from '../main';
import { panelFormatOf, type CollectionArgs } from './args';
import { collect, reportFailures } from './collect';
import { panelTables } from './rows';
import { writePanel } from './write';

export async function runPanel(args: CollectionArgs, io: CliIO): Promise<number> {
  const started = Date.now();
  const collection = await collect(args, io, false);
  if (collection.reports.length === 0) {
    reportFailures(io, collection.failures);
    io.stderr(`zhibiao: no report among ${collection.files} ${collection.files === 1 ? 'file' : 'files'}; nothing written\n`);
    return 1;
  }
  const tables = panelTables(collection.reports);
  const paths = await writePanel(resolve(io.cwd, args.out), panelFormatOf(args.out)!, tables);
  for (const p of paths) io.stdout(p + '\n');
  const count = (name: string) => tables.find((t) => t.name === name)!.rows.length;
  const seconds = (Date.now() - started) / 1000;
  io.stderr(
    `zhibiao: ${collection.reports.length} reports (${collection.notReports.length} not reports, ${collection.failures.length} failed) → ` +
      `${count('figures')} figures, ${count('assessments')} assessments in ${seconds.toFixed(1)} s with ${args.workers} ${args.workers === 1 ? 'worker' : 'workers'}\n`,
  );
  return reportFailures(io, collection.failures);
}
