/**
 * `describeIfCorpus(present)(name, body)`: a `describe` that runs when the corpus files it needs
 * are `present`, and is skipped otherwise, marked so that tests/corpus-reporter.ts can count the
 * tests skipped for want of the corpus and say so once at the end of the run. Kept apart from
 * corpus.ts, which the benchmarks import outside Vitest.
 */
import { describe } from 'vitest';
import { getCurrentSuite } from 'vitest/suite';
import { CORPUS_DIR } from './corpus';

declare module '@vitest/runner' {
  interface TaskMeta {
    /** Set on a suite skipped because the corpus was not found. */
    skippedForCorpus?: boolean;
  }
}

export { CORPUS_DIR };

export function describeIfCorpus(present: boolean): (name: string, body: () => void) => void {
  if (present) return (name, body) => describe(name, body);
  return (name, body) =>
    describe.skip(name, () => {
      // A skipped describe still runs its body to collect (and list) its tests.
      const suite = getCurrentSuite().suite;
      if (suite) suite.meta.skippedForCorpus = true;
      body();
    });
}
