import { describe, expect, it } from 'vitest';
import { skippedForCorpus, type Enclosed } from '../corpus-reporter';

type Parent = Enclosed['parent'];
const module: Parent = { type: 'module', meta: () => ({}) };
const suite = (parent: Parent, corpus = false): Parent => ({ type: 'suite', parent, meta: () => (corpus ? { skippedForCorpus: true } : {}) });

describe('telling tests skipped for want of the corpus', () => {
  it('finds the mark on any enclosing suite', () => {
    const onCorpus = suite(module, true);
    expect(skippedForCorpus({ parent: onCorpus })).toBe(true);
    expect(skippedForCorpus({ parent: suite(suite(onCorpus)) })).toBe(true);
  });

  it('leaves tests skipped for other reasons uncounted', () => {
    expect(skippedForCorpus({ parent: module })).toBe(false);
    expect(skippedForCorpus({ parent: suite(suite(module)) })).toBe(false);
  });
});
