/**
 * Says once, at the end of a run, how many tests were skipped because the real-report corpus was
 * not found, and where it was looked for; a run without the corpus otherwise passes silently.
 * Suites opt in through describeIfCorpus (tests/corpus-suite.ts).
 */
import type { Reporter, TestModule } from 'vitest/node';
import type { RunnerTask } from 'vitest';
import { CORPUS_DIR } from './corpus';

/** Tests under a suite marked `skippedForCorpus`, at any depth. */
export function countCorpusSkips(tasks: readonly RunnerTask[], inMarked = false): number {
  let n = 0;
  for (const task of tasks) {
    const marked = inMarked || task.meta.skippedForCorpus === true;
    if (task.type === 'suite') n += countCorpusSkips(task.tasks, marked);
    else if (marked && task.mode === 'skip') n++;
  }
  return n;
}

export default class CorpusReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const skipped = countCorpusSkips(modules.map((m) => m.task));
    if (skipped === 0) return;
    process.stdout.write(
      `\n${skipped} test${skipped === 1 ? '' : 's'} skipped: no corpus at ${CORPUS_DIR} (set ZHIBIAO_CORPUS to the folder of real reports)\n`,
    );
  }
}
