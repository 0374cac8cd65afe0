/**
 * The engine over the whole report corpus (../shared/corpus beside the project): throughput of
 * analyseReport (normalise, detect, metadata, sections, figures, links) and of figure extraction
 * alone, in characters per millisecond, beside a bare digit-run regex scan of the same text as the
 * floor no extractor can beat; peak heap while analysing; and the time for one full national report.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyseReport } from '../lib/analysis';
import { extractFigures } from '../lib/extraction';
import { findSections, readReportMeta } from '../lib/report';
import { normalizeText } from '../lib/text/normalize';
import { CORPUS_DIR } from '../tests/corpus';

const corpus = CORPUS_DIR;

function corpusTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.txt') && entry.name !== 'README.md') out.push({ name: path.slice(corpus.length + 1), text: readFileSync(path, 'utf8') });
    }
  };
  walk(corpus);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** A collector we can call between passes, so heap readings start from live data only. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return typeof gc === 'function' ? gc : () => {};
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timePasses(rounds: number, pass: () => void): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    pass();
    times.push(performance.now() - t0);
  }
  return times;
}

const MB = 1024 * 1024;

export async function run(): Promise<void> {
  if (!existsSync(corpus)) {
    console.log(`skipped: no corpus at ${corpus}; set ZHIBIAO_CORPUS`);
    return;
  }
  const gc = collector();
  const texts = corpusTexts();
  const chars = texts.reduce((n, t) => n + t.text.length, 0);
  console.log(`corpus: ${texts.length} texts, ${chars.toLocaleString('en-US')} characters`);

  // The very first analysis in this process: cold JIT, empty phrase caches — what a reader's
  // first page pays.
  const first = texts.find((t) => t.name === 'national/national_2024.txt');
  if (first) {
    const t0 = performance.now();
    analyseReport(first.text);
    console.log(`first analysis in a fresh process (${first.name}, cold): ${(performance.now() - t0).toFixed(1)} ms`);
  }

  // Warm up the JIT on every path before measuring.
  let figures = 0;
  for (const t of texts) figures += analyseReport(t.text).figures.length;
  let sink = 0;
  for (const t of texts) sink += (t.text.match(/\d+(\.\d+)?/g) ?? []).length;

  // Best of several passes: the machine is shared, and the fastest pass is the one least
  // disturbed by others; the median is printed beside it.
  const ROUNDS = 9;
  const floorTimes = timePasses(ROUNDS, () => {
    for (const t of texts) sink += (t.text.match(/\d+(\.\d+)?/g) ?? []).length;
  });
  const engineTimes = timePasses(ROUNDS, () => {
    for (const t of texts) sink += analyseReport(t.text).figures.length;
  });
  // Extraction alone: metadata and sections prepared outside the timed loop.
  const prepared = texts.map((t) => {
    const norm = normalizeText(t.text).text;
    const meta = readReportMeta(norm);
    return { norm, meta, sections: findSections(norm, meta) };
  });
  const extractionTimes = timePasses(ROUNDS, () => {
    for (const p of prepared) sink += extractFigures(p.norm, { sections: p.sections, meta: p.meta }).length;
  });
  const best = (xs: number[]) => Math.min(...xs);
  const floor = best(floorTimes);
  const rate = (ms: number) => Math.round(chars / ms).toLocaleString('en-US');
  const line = (label: string, times: number[]) => {
    const b = best(times);
    const ratio = times === floorTimes ? '' : ` (${(b / floor).toFixed(0)}× the floor)`;
    return `${label} best ${b.toFixed(1)} ms per pass (median ${median(times).toFixed(1)}), ${rate(b)} chars/ms${ratio}`;
  };
  console.log(`figures found: ${figures.toLocaleString('en-US')}`);
  console.log(line('regex floor /\\d+(\\.\\d+)?/g:  ', floorTimes));
  console.log(line('analyseReport (everything):', engineTimes));
  console.log(line('extractFigures alone:      ', extractionTimes));

  // Peak heap: live heap after a collection, then the highest reading while analysing each text
  // in turn and keeping every result (as the CLI's compare does).
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const kept = [];
  for (const t of texts) {
    kept.push(analyseReport(t.text));
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  gc();
  const retained = process.memoryUsage().heapUsed - base;
  console.log(
    `heap: ${(base / MB).toFixed(1)} MB before, peak ${(peak / MB).toFixed(1)} MB while analysing all texts (+${((peak - base) / MB).toFixed(1)} MB), ` +
      `${(retained / MB).toFixed(1)} MB retained by ${kept.length} analyses; rss ${(process.memoryUsage().rss / MB).toFixed(0)} MB`,
  );

  // One full national report, analysed on its own.
  const national = texts.filter((t) => t.name.startsWith('national/'));
  for (const name of ['national/national_2024.txt', national.reduce((a, b) => (b.text.length > a.text.length ? b : a)).name]) {
    const t = texts.find((x) => x.name === name);
    if (!t) continue;
    const times = timePasses(30, () => void (sink += analyseReport(t.text).figures.length));
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `${name} (${t.text.length.toLocaleString('en-US')} chars): median ${median(times).toFixed(2)} ms, ` +
        `min ${sorted[0].toFixed(2)} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)].toFixed(2)} ms`,
    );
  }
  if (sink < 0) console.log(sink); // keeps the work observable
}
