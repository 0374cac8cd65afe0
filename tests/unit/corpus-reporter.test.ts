import { describe, expect, it } from 'vitest';
import type { RunnerTask } from 'vitest';
import { countCorpusSkips } from '../corpus-reporter';

type Node = { name: string; mode?: 'run' | 'skip'; corpus?: boolean; tasks?: Node[] };

/** A task tree shaped like the one Vitest hands its reporters (only the fields counted). */
function tree(node: Node): RunnerTask {
  const meta = node.corpus ? { skippedForCorpus: true } : {};
  if (node.tasks) return { type: 'suite', name: node.name, mode: node.mode ?? 'run', meta, tasks: node.tasks.map(tree) } as unknown as RunnerTask;
  return { type: 'test', name: node.name, mode: node.mode ?? 'run', meta } as unknown as RunnerTask;
}

describe('counting tests skipped for want of the corpus', () => {
  it('counts skipped tests at any depth under a marked suite, and nothing else', () => {
    const file = tree({
      name: 'file',
      tasks: [
        { name: 'plain', tasks: [{ name: 'runs' }, { name: 'skipped for another reason', mode: 'skip' }] },
        {
          name: 'on the corpus',
          mode: 'skip',
          corpus: true,
          tasks: [{ name: 'a', mode: 'skip' }, { name: 'nested', mode: 'skip', tasks: [{ name: 'b', mode: 'skip' }, { name: 'c', mode: 'skip' }] }],
        },
      ],
    });
    expect(countCorpusSkips([file])).toBe(3);
  });

  it('counts none when the corpus suites ran', () => {
    const file = tree({ name: 'file', tasks: [{ name: 'on the corpus', tasks: [{ name: 'a' }, { name: 'b' }] }] });
    expect(countCorpusSkips([file])).toBe(0);
  });
});
