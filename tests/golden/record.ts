/**
 * The golden record: what the engine says about every corpus text, one line a figure, so that a
 * change to a rule shows up as a reviewable diff of `tests/golden/*.golden.tsv`.
 *
 * A record holds the report's metadata, its sections, one tab-separated line a figure and one a
 * link. Sentences are left out (they are corpus text): a failing comparison reads them from the
 * live analysis instead. The rules that decided each figure's metric, kind, unit and qualifier
 * have a column of their own (`rules`: four names, space-separated). Fields the model gains later
 * (indicator, headline …) land in the last column, `extra`, as JSON, so no field can change unseen.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis, Figure } from '../../lib/model';
import { analyseReport } from '../../lib/analysis';
import { indicatorKey } from '../../lib/linking';
import { readInput } from '../../cli/input';

/** Figure fields with a column of their own; every other field but the sentence goes to `extra`. */
export const FIGURE_COLUMNS = [
  'start', 'end', 'text', 'value', 'valueMax', 'unit', 'qualifier', 'kind', 'section', 'year', 'period', 'growth', 'metric', 'indicatorKey', 'rules',
] as const;
export type FigureColumn = (typeof FIGURE_COLUMNS)[number] | 'extra';
const OMITTED = new Set(['sentence', 'sentenceStart']);

/** Corpus files with a record, as paths relative to the corpus folder (national, provinces, the sample, negatives). */
export function goldenCases(corpus: string): string[] {
  if (!existsSync(corpus)) return [];
  const out: string[] = [];
  for (const dir of ['national', 'provinces-2025', 'negatives']) {
    const full = join(corpus, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full).sort()) if (/\.(txt|html?)$/.test(f)) out.push(`${dir}/${f}`);
  }
  if (existsSync(join(corpus, 'xuhui-2023-summary.txt'))) out.push('xuhui-2023-summary.txt');
  return out;
}

/** Where the record of a corpus file lives: `tests/golden/<dir>/<name>.golden.tsv`. */
export function goldenPath(goldenDir: string, relPath: string): string {
  return join(goldenDir, `${relPath}.golden.tsv`);
}

/** Reads a corpus file exactly as `zhibiao extract` does (HTML reduced to its article text). */
export async function analyseCorpusFile(corpus: string, relPath: string): Promise<{ analysis: Analysis; text: string }> {
  const input = await readInput(join(corpus, relPath), { cwd: corpus, readStdin: async () => new Uint8Array() });
  return { analysis: analyseReport(input.text, { title: input.title, url: input.url }), text: input.text };
}

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  // Tabs and line breaks inside a field would break the one-line-a-figure shape.
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

export function figureRow(f: Figure): Record<FigureColumn, string> {
  const known = new Set<string>(FIGURE_COLUMNS);
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (!known.has(k) && !OMITTED.has(k) && v !== undefined) extra[k] = v;
  const row = {} as Record<FigureColumn, string>;
  for (const c of FIGURE_COLUMNS) {
    if (c === 'indicatorKey') row[c] = cell(indicatorKey(f));
    else if (c === 'period') row[c] = f.period ? `${f.period.from}-${f.period.to}` : '';
    // The rules that decided metric, kind, unit and qualifier, in that order.
    else if (c === 'rules') row[c] = f.rules ? cell(`${f.rules.metric} ${f.rules.kind} ${f.rules.unit} ${f.rules.qualifier}`) : '';
    else row[c] = cell((f as unknown as Record<string, unknown>)[c]);
  }
  row.extra = Object.keys(extra).length ? cell(extra) : '';
  return row;
}

/** The whole record of one analysis, as the text committed under tests/golden/. */
export function renderGolden(relPath: string, analysis: Analysis): string {
  const r = analysis.report;
  const lines: string[] = [];
  lines.push(`# golden record of ${relPath}: regenerate with \`npm run golden\``);
  const meta = { ...r, score: Math.round(r.score * 1000) / 1000 };
  for (const [k, v] of Object.entries(meta)) lines.push(`report\t${k}\t${cell(v)}`);
  for (const s of analysis.sections) {
    lines.push(`section\t${s.start}\t${s.end}\t${s.kind}\t${cell(s.year)}\t${s.period ? `${s.period.from}-${s.period.to}` : ''}\t${cell(s.title)}`);
  }
  lines.push(['figure#', ...FIGURE_COLUMNS, 'extra'].join('\t'));
  analysis.figures.forEach((f, i) => {
    const row = figureRow(f);
    lines.push([`figure${i}`, ...FIGURE_COLUMNS.map((c) => row[c]), row.extra].join('\t'));
  });
  for (const l of analysis.links) lines.push(`link\t${l.from}\t${l.to}\t${Math.round(l.score * 1000) / 1000}`);
  return lines.join('\n') + '\n';
}

export interface ParsedGolden {
  report: Map<string, string>;
  sections: string[];
  /** Keyed by "start-end". */
  figures: Map<string, Record<FigureColumn, string>>;
  links: string[];
}

export function parseGolden(text: string): ParsedGolden {
  const out: ParsedGolden = { report: new Map(), sections: [], figures: new Map(), links: [] };
  for (const line of text.split('\n')) {
    const parts = line.split('\t');
    if (parts[0] === 'report') out.report.set(parts[1], parts.slice(2).join('\t'));
    else if (parts[0] === 'section') out.sections.push(parts.slice(1).join('\t'));
    else if (parts[0] === 'link') out.links.push(parts.slice(1).join('\t'));
    else if (/^figure\d+$/.test(parts[0])) {
      const row = {} as Record<FigureColumn, string>;
      [...FIGURE_COLUMNS, 'extra' as const].forEach((c, i) => (row[c] = parts[i + 1] ?? ''));
      out.figures.set(`${row.start}-${row.end}`, row);
    }
  }
  return out;
}

export interface GoldenDiff {
  file: string;
  /** Lines a reviewer reads; empty when the record matches. */
  lines: string[];
  figuresChanged: number;
  byField: Map<string, number>;
}

/**
 * What changed between the committed record and the engine's output now: metadata fields, section
 * and link counts, figures added, removed or changed (by field), and the first examples with the
 * sentence they stand in, read from the live analysis.
 */
export function diffGolden(file: string, expectedText: string, analysis: Analysis, examples = 6): GoldenDiff {
  const expected = parseGolden(expectedText);
  const actual = parseGolden(renderGolden(file, analysis));
  const lines: string[] = [];
  const byField = new Map<string, number>();
  const bump = (k: string) => byField.set(k, (byField.get(k) ?? 0) + 1);

  for (const [k, v] of actual.report) {
    if (expected.report.get(k) !== v) lines.push(`  report.${k}: ${expected.report.get(k) ?? '(none)'} → ${v}`);
  }
  if (expected.sections.join('\n') !== actual.sections.join('\n')) {
    lines.push(`  sections: ${expected.sections.length} → ${actual.sections.length} (${actual.sections.map((s) => s.split('\t').slice(2, 4).join(' ')).join(', ')})`);
  }
  // The words around each figure (up to 40 characters either side), with the figure in 【】.
  const sentenceAt = new Map(
    analysis.figures.map((f) => {
      const at = f.start - f.sentenceStart;
      const len = f.end - f.start;
      const s = f.sentence;
      const excerpt = `${at > 40 ? '…' : ''}${s.slice(Math.max(0, at - 40), at)}【${s.slice(at, at + len)}】${s.slice(at + len, at + len + 40)}${at + len + 40 < s.length ? '…' : ''}`;
      return [`${f.start}-${f.end}`, excerpt];
    }),
  );
  const shown: string[] = [];
  let changed = 0;
  for (const [pos, exp] of expected.figures) {
    const act = actual.figures.get(pos);
    if (!act) {
      changed++;
      bump('(removed)');
      if (shown.length < examples) shown.push(`  − ${pos} ${exp.text} [${exp.kind}] ${exp.metric}`);
      continue;
    }
    const fields = [...FIGURE_COLUMNS, 'extra' as const].filter((c) => exp[c] !== act[c]);
    if (!fields.length) continue;
    changed++;
    fields.forEach(bump);
    if (shown.length < examples) {
      shown.push(`  ~ ${pos} ${act.text}: ${fields.map((c) => `${c} ${exp[c] || '∅'} → ${act[c] || '∅'}`).join('; ')}`);
      shown.push(`      in: ${sentenceAt.get(pos) ?? ''}`);
    }
  }
  for (const [pos, act] of actual.figures) {
    if (expected.figures.has(pos)) continue;
    changed++;
    bump('(added)');
    if (shown.length < examples) {
      shown.push(`  + ${pos} ${act.text} [${act.kind}] ${act.metric}`);
      shown.push(`      in: ${sentenceAt.get(pos) ?? ''}`);
    }
  }
  if (changed) {
    lines.push(`  figures: ${changed} changed of ${expected.figures.size} → ${actual.figures.size}; by field: ${[...byField].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    lines.push(...shown);
  }
  const expLinks = new Set(expected.links);
  const actLinks = new Set(actual.links);
  const lost = expected.links.filter((l) => !actLinks.has(l)).length;
  const gained = actual.links.filter((l) => !expLinks.has(l)).length;
  if (lost || gained) lines.push(`  links: ${lost} gone, ${gained} new (${expected.links.length} → ${actual.links.length})`);
  return { file, lines, figuresChanged: changed, byField };
}
