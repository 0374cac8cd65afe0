/**
 * `npx tsx scripts/fragments.ts [--list]`: how many corpus figures have a fragment metric, a phrase
 * of two characters or fewer (or none) that names no indicator. Prints the share over the national
 * and provincial reports and the sample, and with --list every fragment with its place.
 */
import { CORPUS_DIR } from '../tests/corpus';
import { analyseCorpusFile, goldenCases } from '../tests/golden/record';
import { isFragmentMetric } from '../lib/meaning/fragments';

const list = process.argv.includes('--list');
const cases = goldenCases(CORPUS_DIR).filter((rel) => !rel.startsWith('negatives/'));
if (!cases.length) {
  console.error(`fragments: no corpus at ${CORPUS_DIR} (set ZHIBIAO_CORPUS)`);
  process.exit(1);
}
let total = 0;
let fragments = 0;
const counts = new Map<string, number>();
for (const rel of cases) {
  const { analysis } = await analyseCorpusFile(CORPUS_DIR, rel);
  for (const f of analysis.figures) {
    total++;
    if (!isFragmentMetric(f.metric)) continue;
    fragments++;
    counts.set(f.metric, (counts.get(f.metric) ?? 0) + 1);
    if (list) console.log(`${rel}\t${f.start}\t${f.text}\t${JSON.stringify(f.metric)}\t${f.sentence.slice(0, 60)}`);
  }
}
const top = [...counts]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 20)
  .map(([m, n]) => `${m || '∅'}×${n}`)
  .join(' ');
console.log(`fragments: ${fragments} of ${total} figures (${((100 * fragments) / total).toFixed(2)}%) in ${cases.length} texts; commonest: ${top}`);
