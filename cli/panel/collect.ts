/**
 * The part `panel` and `pack` share: inputs walked, every file analysed on the worker pool with a
 * progress bar, results sorted into reports, non-reports and failures. Non-reports are listed on
 * stderr as they are found to be skipped; failures are listed at the end by the command.
 */
import type { CliIO } from '../main';
import type { Analysis } from '../../lib/model';
import type { CollectionArgs } from './args';
import { analyseAll } from './pool';
import { walkInputs } from './walk';

export interface CollectedReport {
  source: string;
  analysis: Analysis;
  encoding: string;
  title?: string;
  url?: string;
  text?: string;
}

export interface Collection {
  files: number;
  reports: CollectedReport[];
  notReports: { source: string; score: number }[];
  failures: { source: string; reason: string }[];
}

interface Bar {
  update(value: number): void;
  stop(): void;
}

async function progressBar(io: CliIO, total: number): Promise<Bar | null> {
  // A bar redraws itself with carriage returns: only on a terminal, never into a log file.
  if (!io.stderrIsTTY || total < 2) return null;
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar(
    { format: 'zhibiao {bar} {value}/{total} files | {eta_formatted} left', hideCursor: true, clearOnComplete: true, stream: process.stderr },
    progress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

export async function collect(args: CollectionArgs, io: CliIO, withText: boolean): Promise<Collection> {
  const walk = await walkInputs(args.inputs, io.cwd);
  const failures = walk.missing.map((m) => ({ source: m.input, reason: m.reason }));
  const bar = await progressBar(io, walk.files.length);
  let results;
  try {
    results = await analyseAll(walk.files, { workers: args.workers, withText, onResult: (_, done) => bar?.update(done) });
  } finally {
    bar?.stop();
  }
  const reports: CollectedReport[] = [];
  const notReports: Collection['notReports'] = [];
  for (const r of results) {
    if (!r.ok) failures.push({ source: r.name, reason: r.error });
    else if (!r.analysis.report.isReport) notReports.push({ source: r.name, score: r.analysis.report.score });
    else reports.push({ source: r.name, analysis: r.analysis, encoding: r.encoding, title: r.title, url: r.url, text: r.text });
  }
  for (const n of notReports) io.stderr(`zhibiao: ${n.source}: not a report (score ${n.score.toFixed(2)}), skipped\n`);
  return { files: walk.files.length, reports, notReports, failures };
}

/** Lists the failures on stderr; the exit status is 3 when there were any. */
export function reportFailures(io: CliIO, failures: Collection['failures']): number {
  if (failures.length === 0) return 0;
  io.stderr(`zhibiao: ${failures.length} ${failures.length === 1 ? 'file' : 'files'} failed:\n`);
  for (const f of failures) io.stderr(`  ${f.source}: ${f.reason}\n`);
  return 3;
}
