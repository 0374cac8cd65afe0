/**
 * Figures and series out of Zhibiao, in three shapes: JSON (for programs), CSV (for Excel and
 * pandas) and Markdown (for reading and pasting into notes).
 *
 * CSV is written for Excel on a Chinese or English Windows, the tool most readers of these
 * reports open it in: a UTF-8 byte-order mark (without it Excel reads UTF-8 as the ANSI code
 * page and Chinese turns to mojibake), CRLF line ends, RFC 4180 quoting, and a guard against
 * formula injection: report text is third-party text, and a cell starting with = + - @ would be
 * run as a formula. Such text cells get a leading apostrophe (OWASP's advice); numeric columns
 * are written as numbers and left alone, since a negative growth rate is data, not a formula.
 */
import { reportFactsOf, type Analysis, type Figure, type FigureRules, type ReportInfo, type Section, type Series } from '../model';
import type { Excluded } from '../extraction';
import { buildAssessments, compareWarnings, type TargetAssessment } from '../linking';
import { catalogueEntry } from '../catalogue';

export const UTF8_BOM = '\ufeff';

// ---------------------------------------------------------------- JSON

/** A figure as the CLI and exports present it (offsets as in the analysed text): the model's
 * figure without where its sentence starts, which only the index needs. */
export type FigureRecord = Omit<Figure, 'sentenceStart'>;

export type ReportRecord = Pick<ReportInfo, 'isReport' | 'score' | 'title' | 'region' | 'level' | 'delivered' | 'planYear' | 'reviewYear' | 'warnings'>;

export interface ExtractRecord {
  report: ReportRecord;
  sections: Section[];
  figures: FigureRecord[];
  links: Analysis['links'];
  /** The analysed text, when asked for (offsets index it). */
  text?: string;
  /** With --explain: the numbers read but not taken as figures, with the reason. */
  excluded?: Excluded[];
}

/** What `--explain` adds: each figure's rules, and the numbers not taken. */
export interface ExplainOptions {
  excluded?: Excluded[];
}

/** The rules of a figure on one line: "metric=noun-after-unit kind=plan-section unit=printed qualifier=none". */
export function rulesText(rules: FigureRules | undefined): string {
  return rules ? `metric=${rules.metric} kind=${rules.kind} unit=${rules.unit} qualifier=${rules.qualifier}` : '';
}

export function reportRecord(r: ReportInfo): ReportRecord {
  return {
    isReport: r.isReport,
    score: r.score,
    ...reportFactsOf(r),
    warnings: r.warnings,
  };
}

export function figureRecord(f: Figure): FigureRecord {
  const out: FigureRecord = {
    start: f.start,
    end: f.end,
    text: f.text,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    kind: f.kind,
    section: f.section,
    year: f.year,
    metric: f.metric,
    sentence: f.sentence,
  };
  // Optional model fields appear only when the engine set them, so the common shape stays small.
  if (f.valueMax !== undefined) out.valueMax = f.valueMax;
  if (f.period) out.period = f.period;
  if (f.growth !== undefined) out.growth = f.growth;
  if (f.indicator !== undefined) out.indicator = f.indicator;
  if (f.headline) out.headline = true;
  if (f.restates !== undefined) out.restates = f.restates;
  return out;
}

/** The CLI's JSON record; with `excluded` (--explain), each figure keeps its `rules` and the
 * record lists the numbers not taken. */
export function extractRecord(analysis: Analysis, options: { text?: string } & ExplainOptions = {}): ExtractRecord {
  const explain = options.excluded !== undefined;
  const record: ExtractRecord = {
    report: reportRecord(analysis.report),
    sections: analysis.sections,
    figures: analysis.figures.map((f) => (explain && f.rules ? { ...figureRecord(f), rules: f.rules } : figureRecord(f))),
    links: analysis.links,
  };
  if (options.text !== undefined) record.text = options.text;
  if (explain) record.excluded = options.excluded;
  return record;
}

export interface CompareInput {
  /** The file name (or other label) each report came from. */
  file: string;
  analysis: Analysis;
}

export interface ComparePoint {
  year: number;
  kind: Figure['kind'];
  value: number;
  valueMax?: number;
  qualifier: string | null;
  file: string;
  start: number;
  end: number;
  text: string;
}

/** A figure that speaks of a period (五年, 十三五), kept beside the yearly series. */
export interface PeriodFigure {
  indicator: string;
  name: string;
  region: string;
  period: { from: number; to: number };
  kind: Figure['kind'];
  value: number;
  valueMax?: number;
  unit: string;
  qualifier: string | null;
  file: string;
  start: number;
  end: number;
  text: string;
}

export interface CompareRecord {
  reports: (ReportRecord & { file: string; figures: number })[];
  /** One per yearly target: its outcome from a later report and the verdict. */
  assessments: TargetAssessment[];
  /** Mixed regions, files that are not reports, two reports of one region and year. */
  warnings: string[];
  series: { metric: string; key: string; region: string; unit: string; growth: boolean; points: ComparePoint[] }[];
  /** Catalogue indicators' figures of a five-year or plan period (十三五, 过去五年). */
  periods: PeriodFigure[];
}

function periodFigures(inputs: CompareInput[]): PeriodFigure[] {
  const out: PeriodFigure[] = [];
  for (const { file, analysis } of inputs) {
    for (const f of analysis.figures) {
      const entry = catalogueEntry(f.indicator);
      if (!f.period || !entry) continue;
      const p: PeriodFigure = {
        indicator: entry.id,
        name: entry.zh,
        region: analysis.report.region ?? '',
        period: f.period,
        kind: f.kind,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier,
        file,
        start: f.start,
        end: f.end,
        text: f.text,
      };
      if (f.valueMax !== undefined) p.valueMax = f.valueMax;
      out.push(p);
    }
  }
  return out;
}

export function compareRecord(inputs: CompareInput[], series: Series[]): CompareRecord {
  return {
    reports: inputs.map(({ file, analysis }) => ({ file, ...reportRecord(analysis.report), figures: analysis.figures.length })),
    series: series.map((s) => ({
      metric: s.metric,
      key: s.key,
      region: s.region,
      unit: s.unit,
      growth: s.growth,
      points: s.points.map((p) => {
        const point: ComparePoint = {
          year: p.year,
          kind: p.kind,
          value: p.value,
          qualifier: p.qualifier,
          file: p.source,
          start: p.start,
          end: p.end,
          text: p.text,
        };
        if (p.valueMax !== undefined) point.valueMax = p.valueMax;
        return point;
      }),
    })),
    assessments: buildAssessments(series),
    warnings: compareWarnings(inputs.map(({ file, analysis }) => ({ source: file, analysis }))),
    periods: periodFigures(inputs),
  };
}

// ---------------------------------------------------------------- CSV

/** Leading characters that make Excel, LibreOffice or Google Sheets read a cell as a formula
 * (tab and CR too: some importers strip them and then see the formula behind). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: numbers as numbers; text guarded against formulas and quoted when needed. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (FORMULA_START.test(s)) s = "'" + s;
  if (/[",\r\n]/.test(s) || /^\s|\s$/.test(s)) s = '"' + s.replace(/"/g, '""') + '"';
  return s;
}

/** Rows to a CSV document: BOM, CRLF line ends, a final line end. */
export function csvDocument(rows: (string | number | boolean | null | undefined)[][]): string {
  return UTF8_BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Index of the innermost section holding the figure, or -1. */
export function sectionOf(figure: Pick<Figure, 'start'>, sections: Section[]): number {
  let best = -1;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (figure.start >= s.start && figure.start < s.end && (best < 0 || s.end - s.start < sections[best].end - sections[best].start)) best = i;
  }
  return best;
}

export const FIGURE_CSV_COLUMNS = [
  'index',
  'section_title',
  'section',
  'kind',
  'year',
  'metric',
  'value',
  'value_max',
  'unit',
  'qualifier',
  'growth',
  'text',
  'start',
  'end',
  'sentence',
] as const;

/** One row a figure; with `excluded` (--explain) a `rules` column, and one row per number not
 * taken (kind `excluded`, the reason in the rules column). */
export function figuresToCsv(analysis: Analysis, options: ExplainOptions = {}): string {
  const explain = options.excluded !== undefined;
  const rows: (string | number | boolean | null | undefined)[][] = [explain ? [...FIGURE_CSV_COLUMNS, 'rules'] : [...FIGURE_CSV_COLUMNS]];
  analysis.figures.forEach((f, i) => {
    const s = sectionOf(f, analysis.sections);
    const row = [
      i,
      s >= 0 ? analysis.sections[s].title : '',
      f.section,
      f.kind,
      f.year,
      f.metric,
      f.value,
      f.valueMax,
      f.unit,
      f.qualifier,
      f.growth,
      f.text,
      f.start,
      f.end,
      f.sentence,
    ];
    rows.push(explain ? [...row, rulesText(f.rules)] : row);
  });
  for (const x of options.excluded ?? []) {
    rows.push(['', '', '', 'excluded', '', '', '', '', '', '', '', x.text, x.start, x.end, '', `excluded=${x.reason}`]);
  }
  return csvDocument(rows);
}

/** One table: assessment rows first (`row` = assessment), then series points (`point`), then
 * figures of a period (`period`, with the span in `period`). */
export const SERIES_CSV_COLUMNS = [
  'row',
  'indicator',
  'metric',
  'region',
  'unit',
  'growth',
  'year',
  'period',
  'kind',
  'value',
  'value_max',
  'qualifier',
  'reading',
  'outcome_value',
  'outcome_kind',
  'verdict',
  'gap',
  'position',
  'file',
  'start',
  'end',
  'text',
  'outcome_file',
  'outcome_start',
  'outcome_end',
  'outcome_text',
] as const;

/** Series with more than one point, or every series with `all`. */
export function seriesShown(record: CompareRecord, options: { all?: boolean } = {}): CompareRecord['series'] {
  return options.all ? record.series : record.series.filter((s) => s.points.length > 1);
}

type SeriesColumn = (typeof SERIES_CSV_COLUMNS)[number];
type Cell = string | number | boolean | null | undefined;

/** One row in the columns' order: a row names its cells, so every row has all the columns
 * (a point or a period, which has no outcome, leaves those cells empty). */
function seriesRow(cells: Partial<Record<SeriesColumn, Cell>>): Cell[] {
  return SERIES_CSV_COLUMNS.map((column) => cells[column]);
}

/** The cells a figure of a series or of a period fills: what it is and where it stands. */
function figureCells(
  p: Pick<PeriodFigure, 'kind' | 'value' | 'valueMax' | 'qualifier' | 'file' | 'start' | 'end' | 'text'>,
): Partial<Record<SeriesColumn, Cell>> {
  return { kind: p.kind, value: p.value, value_max: p.valueMax, qualifier: p.qualifier, file: p.file, start: p.start, end: p.end, text: p.text };
}

export function seriesToCsv(record: CompareRecord, options: { all?: boolean } = {}): string {
  const rows: Cell[][] = [[...SERIES_CSV_COLUMNS]];
  for (const a of record.assessments) {
    const t = a.target;
    const o = a.outcome;
    rows.push(
      seriesRow({
        row: 'assessment',
        indicator: a.indicator,
        metric: a.name,
        region: a.region,
        unit: a.unit,
        year: a.year,
        period: String(a.year),
        kind: 'target',
        value: t.value,
        value_max: t.valueMax,
        qualifier: t.qualifier,
        reading: t.reading,
        outcome_value: o?.value,
        outcome_kind: o?.kind,
        verdict: a.verdict,
        gap: a.gap,
        position: a.position,
        file: t.file,
        start: t.start,
        end: t.end,
        text: t.text,
        outcome_file: o?.file,
        outcome_start: o?.start,
        outcome_end: o?.end,
        outcome_text: o?.text,
      }),
    );
  }
  for (const s of seriesShown(record, options)) {
    for (const p of s.points) {
      rows.push(
        seriesRow({
          row: 'point',
          indicator: s.key,
          metric: s.metric,
          region: s.region,
          unit: s.unit,
          growth: s.growth,
          year: p.year,
          period: String(p.year),
          ...figureCells(p),
        }),
      );
    }
  }
  for (const p of record.periods) {
    rows.push(
      seriesRow({
        row: 'period',
        indicator: p.indicator,
        metric: p.name,
        region: p.region,
        unit: p.unit,
        period: `${p.period.from}-${p.period.to}`,
        ...figureCells(p),
      }),
    );
  }
  return csvDocument(rows);
}

// ---------------------------------------------------------------- Markdown

/** Text safe inside a Markdown table cell: one line, pipes escaped, no live HTML. */
export function mdCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? formatNumber(value) : String(value);
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}

/** Base-unit values are large (7695亿元 = 769500000000): group digits so they can be read. */
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) >= 10000) return n.toLocaleString('en-US');
  return String(n);
}

function mdTable(header: string[], align: ('l' | 'r')[], rows: (string | number | boolean | null | undefined)[][]): string {
  const lines = ['| ' + header.map(mdCell).join(' | ') + ' |', '|' + align.map((a) => (a === 'r' ? '---:' : '---')).join('|') + '|'];
  for (const row of rows) lines.push('| ' + row.map(mdCell).join(' | ') + ' |');
  return lines.join('\n');
}

function valueText(value: number, valueMax: number | undefined): string {
  return valueMax !== undefined && valueMax !== value ? `${formatNumber(value)}–${formatNumber(valueMax)}` : formatNumber(value);
}

function reportLine(r: ReportRecord): string {
  const parts = [
    `Report: ${r.isReport ? 'yes' : 'no'} (score ${r.score.toFixed(2)})`,
    r.region ? `Region: ${r.region}${r.level ? ` (${r.level})` : ''}` : null,
    r.delivered ? `Delivered: ${r.delivered}` : null,
    r.reviewYear !== null ? `Reviews: ${r.reviewYear}` : null,
    r.planYear !== null ? `Plans: ${r.planYear}` : null,
  ].filter((p): p is string => p !== null);
  return parts.map(mdCell).join(' · ');
}

const FIGURE_MD_HEADER = ['#', 'Figure', 'Value', 'Unit', 'Kind', 'Qualifier', 'Year', 'Metric'];
const FIGURE_MD_ALIGN: ('l' | 'r')[] = ['r', 'l', 'r', 'l', 'l', 'l', 'r', 'l'];

/** A readable document: report facts, then one table of figures per section, then the links. */
export function figuresToMarkdown(analysis: Analysis, options: { name?: string } & ExplainOptions = {}): string {
  const explain = options.excluded !== undefined;
  const r = analysis.report;
  const out: string[] = [`# ${mdCell(r.title || options.name || 'Report')}`, ''];
  if (options.name && r.title) out.push(`Source: ${mdCell(options.name)}`, '');
  out.push(reportLine(r), '');
  for (const w of r.warnings) out.push(`> Warning: ${mdCell(w)}`, '');
  out.push(`${analysis.figures.length} figures in ${analysis.sections.length} sections, ${analysis.links.length} links.`, '');

  const groups = new Map<number, number[]>();
  analysis.figures.forEach((f, i) => {
    const s = sectionOf(f, analysis.sections);
    const list = groups.get(s) ?? [];
    list.push(i);
    groups.set(s, list);
  });
  const order = [...groups.keys()].sort((a, b) => (a < 0 ? -1 : b < 0 ? 1 : analysis.sections[a].start - analysis.sections[b].start));
  for (const s of order) {
    const section = s >= 0 ? analysis.sections[s] : null;
    const about = section
      ? [section.kind, section.year ?? (section.period ? `${section.period.from}–${section.period.to}` : null)].filter((x) => x !== null).join(', ')
      : '';
    out.push(section ? `## ${mdCell(section.title)} (${about})` : '## Outside any section', '');
    const rows = (groups.get(s) ?? []).map((i) => {
      const f = analysis.figures[i];
      const row = [
        i,
        f.text,
        valueText(f.value, f.valueMax),
        f.unit,
        f.kind,
        f.qualifier,
        f.year ?? (f.period ? `${f.period.from}–${f.period.to}` : null),
        f.metric,
      ];
      return explain ? [...row, rulesText(f.rules)] : row;
    });
    out.push(explain ? mdTable([...FIGURE_MD_HEADER, 'Rules'], [...FIGURE_MD_ALIGN, 'l'], rows) : mdTable(FIGURE_MD_HEADER, FIGURE_MD_ALIGN, rows), '');
  }
  if (explain) {
    const excluded = options.excluded ?? [];
    out.push('## Numbers not taken', '');
    if (excluded.length === 0) out.push('None.', '');
    else
      out.push(
        mdTable(
          ['Text', 'Start', 'End', 'Reason'],
          ['l', 'r', 'r', 'l'],
          excluded.map((x) => [x.text, x.start, x.end, x.reason]),
        ),
        '',
      );
  }

  if (analysis.links.length > 0) {
    out.push('## Links (review → plan)', '');
    const rows = analysis.links.map((l) => {
      const from = analysis.figures[l.from];
      const to = analysis.figures[l.to];
      return [from?.metric ?? '', `#${l.from} ${from?.text ?? ''}`, `#${l.to} ${to?.text ?? ''}`, l.score.toFixed(2)];
    });
    out.push(mdTable(['Metric', 'Review', 'Plan', 'Score'], ['l', 'l', 'l', 'r'], rows), '');
  }
  return out.join('\n');
}

/** A readable comparison: the reports, then one table per indicator series. */
export function seriesToMarkdown(record: CompareRecord, options: { all?: boolean } = {}): string {
  const out: string[] = ['# Comparison', ''];
  out.push(
    mdTable(
      ['File', 'Report', 'Region', 'Delivered', 'Reviews', 'Plans', 'Figures'],
      ['l', 'l', 'l', 'l', 'r', 'r', 'r'],
      record.reports.map((r) => [r.file, `${r.isReport ? 'yes' : 'no'} (${r.score.toFixed(2)})`, r.region, r.delivered, r.reviewYear, r.planYear, r.figures]),
    ),
    '',
  );
  for (const w of record.warnings) out.push(`> Warning: ${mdCell(w)}`, '');
  out.push('## Targets and outcomes', '');
  if (record.assessments.length === 0) out.push('No target with a yearly series found.', '');
  else {
    out.push(
      mdTable(
        ['Indicator', 'Region', 'Year', 'Target', 'Reading', 'Outcome', 'Verdict', 'Gap', 'Position'],
        ['l', 'l', 'r', 'l', 'l', 'l', 'l', 'r', 'l'],
        record.assessments.map((a) => [
          a.name,
          a.region,
          a.year,
          a.target.text,
          a.target.reading,
          a.outcome ? `${a.outcome.text}${a.outcome.kind === 'estimate' ? ' (est.)' : ''}` : '',
          a.verdict,
          a.gap === null ? '' : `${a.gap > 0 ? '+' : ''}${formatNumber(a.gap)}${a.unit === '%' ? ' pp' : ''}`,
          a.position,
        ]),
      ),
      '',
    );
  }
  const shown = seriesShown(record, options);
  if (shown.length === 0) out.push('No indicator series found.', '');
  for (const s of shown) {
    out.push(`## ${mdCell(s.metric)} — ${mdCell(s.region)}${s.unit ? ` (${mdCell(s.unit)})` : ''}`, '');
    out.push(
      mdTable(
        ['Year', 'Kind', 'Value', 'Qualifier', 'Figure', 'File'],
        ['r', 'l', 'r', 'l', 'l', 'l'],
        s.points.map((p) => [p.year, p.kind, valueText(p.value, p.valueMax), p.qualifier, p.text, p.file]),
      ),
      '',
    );
  }
  return out.join('\n');
}
