/**
 * Argument parsing for `zhibiao`. Hand-written: three commands and two options do not justify
 * a dependency, and the rules stay visible: options may come before or after files, `--opt=v`
 * and `--opt v` both work, `--` ends options, `-` alone is stdin.
 */

export type Command = 'extract' | 'detect' | 'compare';
export type Format = 'json' | 'csv' | 'md' | 'text';

export interface ParsedArgs {
  command: Command | 'help';
  files: string[];
  format: Format;
  withText: boolean;
  /** (extract) Per figure the rules that decided it, and the numbers not taken with the reason. */
  explain: boolean;
  /** compare: keep series of a single point too. */
  all?: boolean;
}

/** A mistake in how the command was called: usage goes to stderr, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: zhibiao <command> [options] FILE...

Commands:
  extract FILE [--format json|csv|md] [--with-text] [--explain]
                      figures, sections and links of one report (default: json)
  detect FILE... [--format json|text]
                      whether each file is a government work report (default: json;
                      text prints one line per file)
  compare FILE... [--format json|csv|md] [--all]
                      each target against the outcome a later report gives (met, missed,
                      gap, position), then indicator series (default: json; csv and md
                      leave out series of one point unless --all)
  panel FILES|DIRS... --out PATH [--workers N]
                      every figure of every report in files and folders as one table
                      (PATH ends in .csv, .jsonl, .parquet or .duckdb), with the target
                      assessments beside it (NAME.assessments.EXT; a table in .duckdb)
  pack FILES|DIRS... -o library.json [--workers N]
                      a library file the extension's restore merges (its backup format)

FILE is a .txt or .html file, or - for standard input. Text may be UTF-8 (with or without
a byte-order mark), UTF-16 with a byte-order mark, or GBK/GB2312/GB18030; the encoding is
detected. HTML is reduced to its article text first; offsets then index that text, which
--with-text includes in the output.

Options:
  --format, -f FORMAT   output format
  --with-text           (extract, json) include the analysed text as "text"
  --explain             (extract) per figure the rules that decided its metric, kind,
                      unit and qualifier, and the numbers not taken with the reason
  --all                 (compare) keep series of a single point
  --help, -h            show this help

panel and pack also read .pdf and .docx, walk folders, skip files that are not reports,
and run on all cores (--workers, -j: how many threads).

Exit status: 0 on success, 1 when an input cannot be read, 2 on a usage error, 3 when panel
or pack could not read some files (the others are in the output).
`;

const FORMATS: Record<Command, Format[]> = {
  extract: ['json', 'csv', 'md'],
  detect: ['json', 'text'],
  compare: ['json', 'csv', 'md'],
};

/** A word of a command line after its command: an input, or an option with its value as written
 * inline (`--opt=v`) and `next()` to take the following word as its value (`--opt v`). `--` ends
 * the options; `-` (standard input) is an input. */
export type ArgToken = { input: string } | { name: string; inline: string | null; next(): string | undefined };

export function* argTokens(argv: string[]): Generator<ArgToken> {
  let optionsEnded = false;
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      yield { input: arg };
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.indexOf('=');
    yield { name: eq >= 0 ? arg.slice(0, eq) : arg, inline: eq >= 0 ? arg.slice(eq + 1) : null, next: () => argv[++i] };
  }
}

export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.length === 0) throw new UsageError('no command given');
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') return { command: 'help', files: [], format: 'text', withText: false, explain: false };
  if (first !== 'extract' && first !== 'detect' && first !== 'compare') {
    throw new UsageError(first.startsWith('-') ? `unknown option ${first} (a command comes first)` : `unknown command "${first}"`);
  }
  const command: Command = first;
  const files: string[] = [];
  let format: Format | null = null;
  let withText = false;
  let explain = false;
  let all = false;

  for (const token of argTokens(rest)) {
    if ('input' in token) {
      files.push(token.input);
      continue;
    }
    const { name, inline } = token;
    switch (name) {
      case '--help':
      case '-h':
        return { command: 'help', files: [], format: 'text', withText: false, explain: false };
      case '--format':
      case '-f': {
        const value = inline ?? token.next();
        if (value === undefined || value === '') throw new UsageError(`${name} needs a value (${FORMATS[command].join(', ')})`);
        const wanted = (value === 'markdown' ? 'md' : value) as Format;
        if (!FORMATS[command].includes(wanted)) throw new UsageError(`${command} cannot write format "${value}" (choose ${FORMATS[command].join(', ')})`);
        format = wanted;
        break;
      }
      case '--all':
        if (inline !== null) throw new UsageError('--all takes no value');
        if (command !== 'compare') throw new UsageError(`--all belongs to compare, not ${command}`);
        all = true;
        break;
      case '--with-text':
        if (inline !== null) throw new UsageError('--with-text takes no value');
        if (command !== 'extract') throw new UsageError(`--with-text belongs to extract, not ${command}`);
        withText = true;
        break;
      case '--explain':
        if (inline !== null) throw new UsageError('--explain takes no value');
        if (command !== 'extract') throw new UsageError(`--explain belongs to extract, not ${command}`);
        explain = true;
        break;
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }

  if (files.length === 0) throw new UsageError(`${command} needs ${command === 'extract' ? 'a FILE' : 'at least one FILE'}`);
  if (command === 'extract' && files.length > 1) throw new UsageError(`extract reads one FILE, got ${files.length}`);
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  format ??= 'json';
  if (withText && format !== 'json') throw new UsageError('--with-text goes with --format json');
  return { command, files, format, withText, explain, ...(all ? { all } : {}) };
}
