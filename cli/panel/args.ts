/**
 * Arguments of the two collection commands:
 *
 *   zhibiao panel FILES|DIRS… --out PATH [--workers N]
 *   zhibiao pack FILES|DIRS… -o PATH [--workers N]
 *
 * Same rules as cli/args.ts: options before or after the inputs, `--opt=v` and `--opt v`, `--`
 * ends options. Stdin is not an input here: a collection is files.
 */
import { availableParallelism } from 'node:os';
import { argTokens, UsageError } from '../args';

export type CollectionCommand = 'panel' | 'pack';

export interface CollectionArgs {
  command: CollectionCommand;
  inputs: string[];
  out: string;
  /** Worker threads; 0 analyses on the main thread (tests of the row builder, tiny runs). */
  workers: number;
}

export const PANEL_FORMATS = ['.csv', '.jsonl', '.parquet', '.duckdb'] as const;
export type PanelFormat = (typeof PANEL_FORMATS)[number];

/** The format a panel path asks for, from its extension; null when it names none we write. */
export function panelFormatOf(path: string): PanelFormat | null {
  const lower = path.toLowerCase();
  return PANEL_FORMATS.find((ext) => lower.endsWith(ext)) ?? null;
}

const MAX_WORKERS = 256;

export function parseCollectionArgs(command: CollectionCommand, argv: string[]): CollectionArgs {
  const inputs: string[] = [];
  let out: string | null = null;
  let workers = availableParallelism();
  for (const token of argTokens(argv)) {
    if ('input' in token) {
      if (token.input === '-') throw new UsageError(`${command} reads files and folders, not standard input`);
      inputs.push(token.input);
      continue;
    }
    const { name } = token;
    const value = () => {
      const v = token.inline ?? token.next();
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--out':
      case '-o':
        out = value();
        break;
      case '--workers':
      case '-j': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < 1 || n > MAX_WORKERS) throw new UsageError(`${name} takes a whole number from 1 to ${MAX_WORKERS}, got "${v}"`);
        workers = n;
        break;
      }
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }
  if (inputs.length === 0) throw new UsageError(`${command} needs at least one FILE or folder`);
  if (out === null) throw new UsageError(`${command} needs ${command === 'panel' ? '--out PATH' : '-o PATH'} (where to write)`);
  if (command === 'panel' && panelFormatOf(out) === null) {
    throw new UsageError(`--out ${out}: the extension names the format (${PANEL_FORMATS.join(', ')})`);
  }
  if (command === 'pack' && !out.toLowerCase().endsWith('.json')) throw new UsageError(`-o ${out}: a library file ends in .json`);
  return { command, inputs, out, workers };
}
