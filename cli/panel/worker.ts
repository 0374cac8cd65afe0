/**
 * A panel worker thread: analyses the files the pool sends, one message per file. A separate entry
 * file so that a bundler can emit it beside the CLI (see pool.ts `workerEntry`).
 */
import { parentPort } from 'node:worker_threads';
import { analyseFile, type FileJob } from './analyse-file';

if (!parentPort) throw new Error('cli/panel/worker.ts runs as a worker thread, started by the panel pool');
const port = parentPort;
port.on('message', (job: FileJob) => {
  void analyseFile(job).then((result) => port.postMessage(result));
});
