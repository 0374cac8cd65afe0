/**
 * Analyses many files on worker threads, one file per message, each worker taking the next file
 * when it finishes one (reports differ tenfold in length, so a static split would leave threads
 * idle). Results come back in input order.
 *
 * Where the worker is (`workerEntry`):
 * - from source (tsx in development, Vitest in tests) this module is `cli/panel/pool.ts`, and the
 *   worker is `./worker.ts` beside it, started by a one-line bootstrap that registers tsx first;
 * - from a bundle, this module is inside the bundled CLI file, and the worker must be bundled as
 *   `panel-worker.mjs` in the same folder (entry `cli/panel/worker.ts`);
 * - ZHIBIAO_PANEL_WORKER, a path or file URL, overrides both.
 *
 * A worker that dies (out of memory on a pathological file) fails its current file only: the file
 * is reported and a fresh worker takes the next one.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { analyseFile, type FileJob, type FileResult } from './analyse-file';

export interface WorkerEntry {
  /** What `new Worker` is given: a file URL, or (from source) a bootstrap script to evaluate. */
  script: URL | string;
  eval?: boolean;
  /** Shown when the worker cannot start. */
  describe: string;
}

/** tsx's ESM register API (its `import` condition: require.resolve would give the CommonJS one). */
function tsxApiUrl(moduleUrl: string): string {
  const require = createRequire(moduleUrl);
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = require(pkgPath) as { exports: Record<string, { import?: { default?: string } } | string> };
  const entry = pkg.exports['./esm/api'];
  const relativePath = typeof entry === 'object' && entry.import?.default ? entry.import.default : './dist/esm/api/index.mjs';
  return new URL(relativePath, pathToFileURL(pkgPath)).href;
}

export function workerEntry(moduleUrl: string = import.meta.url, env: NodeJS.ProcessEnv = process.env): WorkerEntry {
  const override = env.ZHIBIAO_PANEL_WORKER;
  if (override) {
    const url = isAbsolute(override) ? pathToFileURL(override) : new URL(override);
    return { script: url, describe: url.href };
  }
  if (!moduleUrl.endsWith('.ts')) {
    const url = new URL('./panel-worker.mjs', moduleUrl);
    return { script: url, describe: url.href };
  }
  // Node 20 does not carry tsx's loader into worker threads (neither from --import in execArgv
  // nor from tsx/esm/api's register()): the worker registers it itself, then imports the source.
  const url = new URL('./worker.ts', moduleUrl).href;
  const api = tsxApiUrl(moduleUrl);
  return {
    script: `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); }).catch((err) => { throw err; });`,
    eval: true,
    describe: url,
  };
}

export interface PoolOptions {
  /** Worker threads; 0 runs every file on this thread. */
  workers: number;
  withText: boolean;
  /** Called as each file finishes (progress). */
  onResult?: (result: FileResult, done: number) => void;
  entry?: WorkerEntry;
}

export async function analyseAll(files: { path: string; name: string }[], options: PoolOptions): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  let done = 0;
  const finish = (i: number, r: FileResult) => {
    results[i] = r;
    options.onResult?.(r, ++done);
  };
  const jobOf = (i: number): FileJob => ({ path: files[i].path, name: files[i].name, withText: options.withText });

  if (options.workers <= 0) {
    for (let i = 0; i < files.length; i++) finish(i, await analyseFile(jobOf(i)));
    return results;
  }

  const entry = options.entry ?? workerEntry();
  let next = 0;
  let anyAnswered = false;
  const runWorker = (): Promise<void> =>
    new Promise<void>((resolveWorker, rejectWorker) => {
      if (next >= files.length) return resolveWorker();
      const worker = new Worker(entry.script, { eval: entry.eval });
      let current = -1;
      let settled = false;
      const feed = () => {
        if (next >= files.length) {
          settled = true;
          void worker.terminate().then(() => resolveWorker());
          return;
        }
        current = next++;
        worker.postMessage(jobOf(current));
      };
      worker.on('message', (r: FileResult) => {
        anyAnswered = true;
        finish(current, r);
        current = -1;
        feed();
      });
      const died = (reason: string) => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        // A worker that never answered, before any worker did, cannot be started at all (its file is
        // missing from a bundle): say so once instead of failing every file the same way.
        if (!anyAnswered) {
          next = files.length; // the other workers stop after their current file
          return rejectWorker(new Error(`could not start the panel worker ${entry.describe}: ${reason}`));
        }
        if (current >= 0) finish(current, { name: files[current].name, ok: false, error: `the worker stopped: ${reason}` });
        // A fresh worker carries on with the files left.
        runWorker().then(resolveWorker, rejectWorker);
      };
      worker.on('error', (err) => died(err.message.split('\n')[0]));
      worker.on('exit', (code) => died(`exit code ${code}`));
      feed();
    });

  const count = Math.min(options.workers, files.length);
  await Promise.all(Array.from({ length: count }, runWorker));
  return results;
}
