/**
 * `npm run bench -- quality`: the engine against hand-labelled figures (tests/quality/labels.ts):
 * precision and recall of the figures found, and among the figures found and labelled, how often
 * value, unit, kind, qualifier and metric agree.
 *
 * Matching: a label is located in the text (next occurrence of its text after the previous label
 * of its passage, not inside a longer number); an engine figure whose span overlaps it is its
 * match. Engine figures inside a labelled passage that match no label count against precision.
 * Metric (loose): the engine's metric and the label's, both reduced by linking's canonicalPhrase
 * (hedges, time words and the direction word dropped), agree when one contains the other or their
 * phrase similarity is at least 0.6; the direction of change must agree too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from '../lib/model';
import { analyseReport } from '../lib/analysis';
import { canonicalPhrase, phraseSimilarity } from '../lib/linking/indicator';
import { CORPUS_DIR } from '../tests/corpus';
import { LABELLED_SETS, type Label, type LabelledSet } from '../tests/quality/labels';

interface Tally {
  labels: number;
  found: number;
  engineInPassages: number;
  matched: number;
  value: number;
  unit: number;
  kind: number;
  qualifier: number;
  metricLabelled: number;
  metric: number;
  misses: string[];
}

/** Where `needle` next occurs at or after `from`, not preceded by a digit or a decimal point. */
function locate(text: string, needle: string, from: number): number {
  for (let at = text.indexOf(needle, from); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (!/[0-9.]/.test(text[at - 1] ?? '')) return at;
  }
  return -1;
}

export function metricAgrees(engine: string, label: string): boolean {
  const a = canonicalPhrase(engine);
  const b = canonicalPhrase(label);
  if (a.direction !== b.direction) return false;
  if (!a.phrase || !b.phrase) return false;
  return a.phrase.includes(b.phrase) || b.phrase.includes(a.phrase) || phraseSimilarity(a.phrase, b.phrase) >= 0.6;
}

function score(set: LabelledSet, text: string, figures: Figure[]): Tally {
  const t: Tally = { labels: 0, found: 0, engineInPassages: 0, matched: 0, value: 0, unit: 0, kind: 0, qualifier: 0, metricLabelled: 0, metric: 0, misses: [] };
  const passages = set.passages ?? [{ from: '', to: '', labels: set.labels ?? [] }];
  for (const p of passages) {
    const start = p.from ? text.indexOf(p.from) : 0;
    const toAt = p.to ? text.indexOf(p.to, start) : -1;
    const end = p.to ? toAt + p.to.length : text.length;
    if (start < 0 || (toAt < 0 && p.to)) {
      t.misses.push(`passage not found: ${p.from}`);
      continue;
    }
    const inside = figures.filter((f) => f.start >= start && f.end <= end);
    t.engineInPassages += inside.length;
    const used = new Set<Figure>();
    let cursor = start;
    for (const label of p.labels) {
      t.labels++;
      const at = locate(text, label.text, cursor);
      if (at < 0 || at >= end) {
        t.misses.push(`label not in text: ${label.text}`);
        continue;
      }
      cursor = at + label.text.length;
      const f = inside.find((x) => !used.has(x) && x.start < at + label.text.length && x.end > at);
      if (!f) {
        t.misses.push(`missed ${label.text} (${label.metric ?? label.kind})`);
        continue;
      }
      used.add(f);
      t.matched++;
      compare(t, f, label);
    }
    t.found += used.size;
  }
  return t;
}

function compare(t: Tally, f: Figure, label: Label): void {
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  if (close(f.value, label.value) && (label.valueMax === undefined || (f.valueMax !== undefined && close(f.valueMax, label.valueMax)))) t.value++;
  else t.misses.push(`value ${f.text}: ${f.value} ≠ ${label.value}`);
  if (f.unit === label.unit) t.unit++;
  else t.misses.push(`unit ${f.text}: ${f.unit || '∅'} ≠ ${label.unit || '∅'}`);
  if (f.kind === label.kind) t.kind++;
  else t.misses.push(`kind ${f.text}: ${f.kind} ≠ ${label.kind}`);
  if (f.qualifier === label.qualifier) t.qualifier++;
  else t.misses.push(`qualifier ${f.text}: ${f.qualifier ?? '∅'} ≠ ${label.qualifier ?? '∅'}`);
  if (label.metric !== undefined) {
    t.metricLabelled++;
    if (metricAgrees(f.metric, label.metric)) t.metric++;
    else t.misses.push(`metric ${f.text}: ${f.metric} ≠ ${label.metric}`);
  }
}

const pct = (n: number, d: number) => (d === 0 ? '   –  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

export async function run(): Promise<void> {
  const rows: string[] = [];
  const total: Tally = {
    labels: 0,
    found: 0,
    engineInPassages: 0,
    matched: 0,
    value: 0,
    unit: 0,
    kind: 0,
    qualifier: 0,
    metricLabelled: 0,
    metric: 0,
    misses: [],
  };
  const header = '| set | labels | precision | recall | value | unit | kind | qualifier | metric |';
  rows.push(header, '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const detail: string[] = [];
  for (const set of LABELLED_SETS) {
    let text: string;
    if (set.file) {
      const path = join(CORPUS_DIR, set.file);
      if (!existsSync(path)) {
        rows.push(`| ${set.name} | skipped: no corpus at ${CORPUS_DIR} |||||||`);
        continue;
      }
      text = readFileSync(path, 'utf8');
    } else text = set.text ?? '';
    const t = score(set, text, analyseReport(text).figures);
    for (const k of Object.keys(total) as (keyof Tally)[]) if (k !== 'misses') (total[k] as number) += t[k] as number;
    rows.push(tableRow(set.name, t));
    if (t.misses.length) detail.push(`${set.name}:`, ...t.misses.slice(0, 12).map((m) => `  ${m}`));
  }
  rows.push(tableRow('**all**', total));
  console.log(rows.join('\n'));
  console.log(
    '\nPrecision: labelled figures found / engine figures in the labelled passages; accuracies over matched figures (metric: over those with a labelled metric).',
  );
  if (detail.length) console.log(`\nfirst disagreements:\n${detail.join('\n')}`);
}

function tableRow(name: string, t: Tally): string {
  return `| ${name} | ${t.labels} | ${pct(t.found, t.engineInPassages)} | ${pct(t.matched, t.labels)} | ${pct(t.value, t.matched)} | ${pct(t.unit, t.matched)} | ${pct(t.kind, t.matched)} | ${pct(t.qualifier, t.matched)} | ${pct(t.metric, t.metricLabelled)} |`;
}
