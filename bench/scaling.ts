/**
 * How engine time grows with input size: the floor regex, extraction and the whole analysis on
 * inputs of 100k to 5M characters, with the exponent of a power-law fit (time ∝ size^k; 1 is
 * linear). Inputs: the corpus run together, a report whose review and plan are repeated many times
 * (every plan target meets thousands of review figures of its indicator), and the pathological
 * inputs of tests/pathological.ts.
 */
import { analyseReport } from '../lib/analysis';
import { extractFigures } from '../lib/extraction';
import { findSections, readReportMeta } from '../lib/report';
import { normalizeText } from '../lib/text/normalize';
import { PATHOLOGICAL } from '../tests/pathological';

/** The floor: a bare scan for numbers with a magnitude and a common unit. */
export const FLOOR = /[0-9０-９][0-9０-９.,，]*\s*(万亿|亿|万)?(元|%|个|家|人|套|公里|吨|亩)?/g;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const SIZES = [100_000, 300_000, 1_000_000, 2_000_000, 5_000_000];
const RUNS = 3;

function timeMedian(f: () => void): number {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Least-squares slope of log(time) on log(size). */
function exponent(points: [number, number][]): number {
  const xs = points.map(([n]) => Math.log(n));
  const ys = points.map(([, t]) => Math.log(Math.max(t, 0.01)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

function repeatTo(text: string, size: number): string {
  return text.repeat(Math.ceil(size / text.length)).slice(0, size);
}

/** A report with its review and plan each repeated until the whole has `size` characters. */
function repeatedReport(report: string, size: number): string {
  const meta = readReportMeta(report);
  const sections = findSections(report, meta);
  const review = sections.find((s) => s.kind === 'review');
  const plan = sections.find((s) => s.kind === 'plan');
  if (!review || !plan) return repeatTo(report, size);
  const head = report.slice(0, review.start);
  const r = report.slice(review.start, review.end);
  const p = report.slice(plan.start, plan.end);
  const k = Math.max(1, Math.floor((size - head.length) / (r.length + p.length)));
  const body = report.slice(review.end, plan.start);
  return head + r + r.slice(r.indexOf('\n') + 1).repeat(k - 1) + body + p + p.slice(p.indexOf('\n') + 1).repeat(k - 1);
}

export function printScaling(texts: { name: string; text: string }[]): void {
  const national = texts.find((t) => t.name === 'national/national_2024.txt')?.text ?? texts[0]?.text ?? '';
  const inputs: { label: string; make: (n: number) => string }[] = [
    { label: 'corpus run together', make: (n) => repeatTo(texts.map((t) => t.text).join('\n'), n) },
    { label: 'national_2024, review and plan repeated', make: (n) => repeatedReport(national, n) },
    ...PATHOLOGICAL.filter((p) => !p.file.endsWith('.html')).map((p) => ({ label: p.name, make: (n: number) => p.make(n) })),
  ];
  console.log(`\nscaling (median of ${RUNS} runs per size; exponent of time against size, 1 = linear, aim ≤ 1.1):`);
  console.log(`${'input'.padEnd(44)} ${'floor'.padStart(7)} ${'extract'.padStart(8)} ${'analyse'.padStart(8)}   ms at ${SIZES.map((n) => `${n / 1000}k`).join(' / ')}`);
  for (const input of inputs) {
    const rows: { floor: number; extract: number; analyse: number }[] = [];
    for (const n of SIZES) {
      const text = input.make(n);
      const norm = normalizeText(text).text;
      const meta = readReportMeta(norm);
      const sections = findSections(norm, meta);
      rows.push({
        floor: timeMedian(() => void (text.match(FLOOR) ?? []).length),
        extract: timeMedian(() => void extractFigures(norm, { sections, meta })),
        analyse: timeMedian(() => void analyseReport(text)),
      });
    }
    const k = (pick: (r: (typeof rows)[number]) => number) => exponent(rows.map((r, i) => [SIZES[i], pick(r)])).toFixed(2);
    const last = rows[rows.length - 1];
    console.log(
      `${input.label.padEnd(44)} ${k((r) => r.floor).padStart(7)} ${k((r) => r.extract).padStart(8)} ${k((r) => r.analyse).padStart(8)}   ` +
        `extract ${rows.map((r) => r.extract.toFixed(0)).join('/')}; analyse ${rows.map((r) => r.analyse.toFixed(0)).join('/')}; ` +
        `at 5M: extract ${(last.extract / last.floor).toFixed(0)}×, analyse ${(last.analyse / last.floor).toFixed(0)}× the floor`,
    );
  }
}
