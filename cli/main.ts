/**
 * `zhibiao`: the engine on report files.
 *
 *   zhibiao extract FILE [--format json|csv|md] [--with-text] [--explain]
 *   zhibiao detect FILE... [--format json|text]
 *   zhibiao compare FILE... [--format json|csv|md]
 *   zhibiao panel FILES|DIRS... --out PATH [--workers N]     (cli/panel)
 *   zhibiao pack FILES|DIRS... -o library.json [--workers N]  (cli/panel)
 *
 * `runCli` does the work against an injected IO so tests can call it in-process; `main` binds it
 * to the real process. Output is built whole in memory and written once: an error on any input
 * leaves stdout empty (a half-written JSON document or CSV is worse than none). With several
 * files, one bad file fails the whole command (exit 1): a comparison silently missing a year
 * would look complete.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis } from '../lib/model';
import type { Excluded } from '../lib/extraction';
import { analyseReport } from '../lib/analysis';
import { buildSeries } from '../lib/linking';
import { compareRecord, extractRecord, figuresToCsv, figuresToMarkdown, seriesToCsv, seriesToMarkdown } from '../lib/export';
import { parseArgs, UsageError, USAGE, type ParsedArgs } from './args';
import { InputError, readInput, type InputText } from './input';
import { runCollection } from './panel/command';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
  /** Relative file names resolve against this directory. */
  cwd: string;
  /** Whether stderr is a terminal (panel and pack draw a progress bar there only then). */
  stderrIsTTY?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

function displayName(name: string): string {
  return name === '-' ? 'stdin' : name;
}

/** A one-line message: multi-line error texts (rare, from deep inside a library) are cut. */
function oneLine(s: string): string {
  return s.split(/\r?\n/)[0].trim();
}

function analyse(input: InputText, excluded?: Excluded[]): Analysis {
  try {
    return analyseReport(input.text, { title: input.title, url: input.url, excluded });
  } catch (err) {
    throw new InputError(input.name, `analysis failed: ${oneLine((err as Error)?.message ?? String(err))}`);
  }
}

async function extract(args: ParsedArgs, io: CliIO): Promise<string> {
  const input = await readInput(args.files[0], io);
  const excluded: Excluded[] | undefined = args.explain ? [] : undefined;
  const analysis = analyse(input, excluded);
  switch (args.format) {
    case 'csv':
      return figuresToCsv(analysis, { excluded });
    case 'md':
      return figuresToMarkdown(analysis, { name: args.files[0] === '-' ? undefined : args.files[0], excluded });
    default:
      return JSON.stringify(extractRecord(analysis, { text: args.withText ? input.text : undefined, excluded }), null, 2) + '\n';
  }
}

async function readAll(args: ParsedArgs, io: CliIO): Promise<{ file: string; input: InputText; analysis: Analysis }[]> {
  const out = [];
  // One at a time: the machine is small, and analysis is CPU-bound anyway.
  for (const file of args.files) {
    const input = await readInput(file, io);
    out.push({ file, input, analysis: analyse(input) });
  }
  return out;
}

async function detect(args: ParsedArgs, io: CliIO): Promise<string> {
  const results = (await readAll(args, io)).map(({ file, analysis }) => ({
    file,
    isReport: analysis.report.isReport,
    score: analysis.report.score,
    reasons: analysis.report.reasons,
  }));
  if (args.format === 'json') return JSON.stringify(results, null, 2) + '\n';
  return (
    results
      .map((r) => `${r.file}: ${r.isReport ? 'report' : 'not a report'} (score ${r.score.toFixed(2)})${r.reasons.length ? ' — ' + r.reasons.join('; ') : ''}`)
      .join('\n') + '\n'
  );
}

async function compare(args: ParsedArgs, io: CliIO): Promise<string> {
  const inputs = (await readAll(args, io)).map(({ file, analysis }) => ({ file, analysis }));
  const series = buildSeries(inputs.map(({ file, analysis }) => ({ source: file, analysis })));
  const record = compareRecord(inputs, series);
  for (const w of record.warnings) io.stderr(`zhibiao: warning: ${w}\n`);
  switch (args.format) {
    case 'csv':
      return seriesToCsv(record, { all: args.all });
    case 'md':
      return seriesToMarkdown(record, { all: args.all });
    default:
      return JSON.stringify(record, null, 2) + '\n';
  }
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let args: ParsedArgs;
  try {
    if (argv[0] === 'panel' || argv[0] === 'pack') return await runCollection(argv[0], argv.slice(1), io);
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      // One line, like every other error: scripts read the first line of stderr.
      io.stderr(`zhibiao: ${err.message} (zhibiao --help shows the usage)\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
  if (args.command === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  try {
    const output = args.command === 'extract' ? await extract(args, io) : args.command === 'detect' ? await detect(args, io) : await compare(args, io);
    io.stdout(output);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof InputError) {
      io.stderr(`zhibiao: ${displayName(err.input)}: ${oneLine(err.message)}\n`);
      return EXIT_INPUT;
    }
    io.stderr(`zhibiao: internal error: ${oneLine((err as Error)?.message ?? String(err))}\n`);
    return EXIT_INPUT;
  }
}

async function readProcessStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  // `zhibiao extract … | head` closes the pipe early; that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  process.exitCode = await runCli(argv, {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readStdin: readProcessStdin,
    cwd: process.cwd(),
    stderrIsTTY: process.stderr.isTTY === true,
  });
}

// Run when started as a script (`tsx cli/main.ts`), not when imported by tests or cli/bin.mjs.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
