/**
 * The golden record: the engine's output on every corpus text must equal the committed record
 * under tests/golden/. On a difference the failure lists, per file, what changed (metadata,
 * sections, figures by field with examples in their sentence, links) — then `npm run golden`
 * rewrites the records and the commit shows the effect as a diff.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR } from '../corpus';
import { analyseCorpusFile, diffGolden, goldenCases, goldenPath, renderGolden, parseGolden } from '../golden/record';
import { analyseReport } from '../../lib/analysis';

const goldenDir = resolve(fileURLToPath(import.meta.url), '../../golden');
const cases = goldenCases(CORPUS_DIR);
if (!cases.length) console.warn(`golden record: skipped, no corpus at ${CORPUS_DIR} (set ZHIBIAO_CORPUS)`);

describe.skipIf(!cases.length)('golden record of the corpus', () => {
  it('matches the engine output on every corpus text', async () => {
    const failures: string[] = [];
    let total = 0;
    for (const rel of cases) {
      const path = goldenPath(goldenDir, rel);
      if (!existsSync(path)) {
        failures.push(`${rel}: no record (run npm run golden)`);
        continue;
      }
      const { analysis } = await analyseCorpusFile(CORPUS_DIR, rel);
      const diff = diffGolden(rel, readFileSync(path, 'utf8'), analysis);
      total += diff.figuresChanged;
      if (diff.lines.length) failures.push([`${rel}:`, ...diff.lines].join('\n'));
    }
    const summary = `${failures.length} of ${cases.length} records differ, ${total} figures changed. Read the summary, then run \`npm run golden\` and commit the diff with the reason.\n\n`;
    expect(failures, summary + failures.join('\n\n')).toEqual([]);
  }, 120_000);
});

describe('golden record format', () => {
  const text = '全年地区生产总值增长5.2%。今年预期目标：地区生产总值增长5%左右。';
  const analysis = analyseReport(text);

  it('round-trips every figure through its line', () => {
    const parsed = parseGolden(renderGolden('x.txt', analysis));
    expect(parsed.figures.size).toBe(analysis.figures.length);
    const first = [...parsed.figures.values()][0];
    expect(first.text).toBe(analysis.figures[0].text);
    expect(Number(first.value)).toBe(analysis.figures[0].value);
  });

  it('names the field that changed, with the sentence', () => {
    const record = renderGolden('x.txt', analysis);
    const changed = { ...analysis, figures: analysis.figures.map((f, i) => (i === 0 ? { ...f, kind: 'target' as const, metric: f.metric + '额' } : f)) };
    const diff = diffGolden('x.txt', record, changed);
    expect(diff.figuresChanged).toBe(1);
    expect(diff.byField.get('kind')).toBe(1);
    expect(diff.byField.get('metric')).toBe(1);
    expect(diff.lines.join('\n')).toContain('全年地区生产总值增长【5.2%】');
  });

  it('counts added and removed figures and new fields', () => {
    const record = renderGolden('x.txt', analysis);
    const fewer = { ...analysis, figures: analysis.figures.slice(1), links: [] };
    expect(diffGolden('x.txt', record, fewer).byField.get('(removed)')).toBe(1);
    const withField = { ...analysis, figures: analysis.figures.map((f) => ({ ...f, headline: true })) };
    expect(diffGolden('x.txt', record, withField).byField.get('extra')).toBe(analysis.figures.length);
  });
});
