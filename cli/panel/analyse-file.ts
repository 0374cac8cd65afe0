/**
 * One file of a collection, read and analysed: the unit of work a panel worker does (and the main
 * thread, when asked for no workers). A failure becomes a result, never an exception, so one bad
 * file cannot stop a run over a thousand.
 */
import { dirname } from 'node:path';
import { analyseReport } from '../../lib/analysis';
import type { Analysis } from '../../lib/model';
import { InputError, readInput } from '../input';

export interface FileJob {
  path: string;
  name: string;
  /** Keep the analysed text in the result (pack stores it; the panel does not need it). */
  withText: boolean;
}

export type FileResult =
  | {
      name: string;
      ok: true;
      analysis: Analysis;
      encoding: string;
      title?: string;
      url?: string;
      text?: string;
    }
  | { name: string; ok: false; error: string };

const noStdin = () => Promise.reject(new Error('no standard input in a collection'));

export async function analyseFile(job: FileJob): Promise<FileResult> {
  try {
    const input = await readInput(job.path, { cwd: dirname(job.path), readStdin: noStdin });
    const analysis = analyseReport(input.text, { title: input.title, url: input.url });
    const result: FileResult = { name: job.name, ok: true, analysis, encoding: input.encoding, title: input.title, url: input.url };
    if (job.withText) result.text = input.text;
    return result;
  } catch (err) {
    const message = err instanceof InputError ? err.message : `analysis failed: ${(err as Error)?.message ?? String(err)}`;
    return { name: job.name, ok: false, error: message.split('\n')[0] };
  }
}
