/**
 * `npm run golden`: rewrites the golden record (tests/golden/**.golden.tsv) from the engine's
 * output on every corpus text, then prints what changed against the committed record, so the
 * reviewer of an engine change sees its effect before `git diff` does.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR } from '../tests/corpus';
import { analyseCorpusFile, diffGolden, goldenCases, goldenPath, renderGolden } from '../tests/golden/record';

const goldenDir = resolve(fileURLToPath(import.meta.url), '../../tests/golden');
const cases = goldenCases(CORPUS_DIR);
if (!cases.length) {
  console.error(`golden: no corpus at ${CORPUS_DIR} (set ZHIBIAO_CORPUS); nothing written`);
  process.exit(1);
}
let changedFiles = 0;
for (const rel of cases) {
  const { analysis } = await analyseCorpusFile(CORPUS_DIR, rel);
  const path = goldenPath(goldenDir, rel);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : null;
  const after = renderGolden(rel, analysis);
  if (before === after) continue;
  changedFiles++;
  if (before === null) console.log(`${rel}: new record (${analysis.figures.length} figures)`);
  else console.log([`${rel}:`, ...diffGolden(rel, before, analysis).lines].join('\n'));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, after);
}
console.log(`golden: ${cases.length} records, ${changedFiles} rewritten`);
