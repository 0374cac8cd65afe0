/**
 * Says once, at the end of a run, how many tests were skipped because the real-report corpus was
 * not found, and where it was looked for; a run without the corpus otherwise passes silently.
 * Suites opt in through describeIfCorpus (tests/corpus-suite.ts).
 */
import type { Reporter, TestModule } from 'vitest/node';
import type { RunnerTaskBase } from 'vitest';
import { CORPUS_DIR } from './corpus';

/** What is read of a test and its enclosing suites (Vitest's reported tasks have more). */
export interface Enclosed {
  parent: { type: string; meta(): RunnerTaskBase['meta']; parent?: Enclosed['parent'] };
}

/** Whether any suite around the test was skipped for want of the corpus. */
export function skippedForCorpus(test: Enclosed): boolean {
  for (let p: Enclosed['parent'] | undefined = test.parent; p && p.type === 'suite'; p = p.parent) {
    if (p.meta().skippedForCorpus === true) return true;
  }
  return false;
}

export default class CorpusReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let skipped = 0;
    for (const module of modules) for (const test of module.children.allTests('skipped')) if (skippedForCorpus(test)) skipped++;
    if (skipped === 0) return;
    process.stdout.write(`\n${skipped} test${skipped === 1 ? '' : 's'} skipped: no corpus at ${CORPUS_DIR} (set ZHIBIAO_CORPUS to the folder of real reports)\n`);
  }
}
