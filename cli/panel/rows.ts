/**
 * Analyses → the panel's rows. Pure: tests build rows from analyses without files or workers.
 *
 * Columns the engine may not fill yet come from optional fields of the Figure and are empty when
 * absent: `headline` (the figure is in the report's headline targets), `indicator` (the engine's
 * indicator id) and `reading` (how a target is read: floor, ceiling, about …). Until the engine sets
 * `indicator`, a figure that is a point of one of the collection's series takes that series' key
 * as its indicator id and the series' wording as its name.
 */
import type { Analysis, Figure, Series } from '../../lib/model';
import { buildSeries } from '../../lib/linking';
import { assessTarget } from '../../lib/linking';
import { sectionOf } from '../../lib/export';
import { ASSESSMENT_COLUMNS, FIGURE_COLUMNS, REPORT_COLUMNS, type Cell, type Table } from './tables';

export interface PanelReport {
  source: string;
  analysis: Analysis;
  encoding: string;
}

/** Fields the engine is gaining; read defensively so the panel works before and after. */
type FigureExtras = { headline?: unknown; indicator?: unknown; reading?: unknown };

function readingText(reading: unknown): string | null {
  if (reading === undefined || reading === null) return null;
  if (typeof reading === 'string') return reading;
  if (typeof reading === 'object') {
    const { kind, bound, type } = reading as { kind?: unknown; bound?: unknown; type?: unknown };
    const name = [kind, bound, type].find((x) => typeof x === 'string');
    return typeof name === 'string' ? name : JSON.stringify(reading);
  }
  return String(reading);
}

function reportYear(analysis: Analysis): number | null {
  const delivered = analysis.report.delivered;
  if (delivered && /^\d{4}/.test(delivered)) return Number(delivered.slice(0, 4));
  return analysis.report.planYear;
}

const pointKey = (source: string, start: number, end: number) => `${source}\u0000${start}\u0000${end}`;

function reportRow({ source, analysis, encoding }: PanelReport): Cell[] {
  const r = analysis.report;
  return [
    source,
    r.title,
    r.region,
    r.level,
    r.delivered,
    reportYear(analysis),
    r.planYear,
    r.reviewYear,
    r.score,
    analysis.figures.length,
    encoding,
    r.warnings.join('; ') || null,
  ];
}

function figureRows({ source, analysis }: PanelReport, seriesOf: Map<string, Series>): Cell[][] {
  const r = analysis.report;
  const year = reportYear(analysis);
  return analysis.figures.map((f: Figure & FigureExtras) => {
    const s = sectionOf(f, analysis.sections);
    const series = seriesOf.get(pointKey(source, f.start, f.end));
    const indicator = typeof f.indicator === 'string' && f.indicator ? f.indicator : (series?.key ?? null);
    return [
      source,
      r.region,
      r.level,
      year,
      r.planYear,
      r.reviewYear,
      f.section,
      s >= 0 ? analysis.sections[s].title : null,
      f.kind,
      f.year,
      f.period?.from ?? null,
      f.period?.to ?? null,
      typeof f.headline === 'boolean' ? f.headline : null,
      indicator,
      series?.metric ?? null,
      f.metric,
      f.text,
      f.value,
      f.valueMax ?? null,
      f.unit,
      f.qualifier,
      f.growth ?? null,
      readingText(f.reading),
      f.start,
      f.end,
      f.sentence,
    ];
  });
}

/**
 * The assessments table from compare's series: each target point beside the outcome its year
 * has (an actual before an estimate), judged by lib/linking's assessTarget. The one place that
 * knows where assessments come from: when compare's output carries its own list, only this
 * function changes.
 */
export function assessmentRows(series: Series[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const s of series) {
    for (const target of s.points) {
      if (target.kind !== 'target') continue;
      const sameYear = s.points.filter((p) => p.year === target.year);
      const outcome = sameYear.find((p) => p.kind === 'actual') ?? sameYear.find((p) => p.kind === 'estimate');
      if (!outcome) continue;
      const verdict = assessTarget(
        { value: target.value, valueMax: target.valueMax, qualifier: target.qualifier, unit: s.unit, growth: s.growth, metric: s.metric },
        { value: outcome.value, unit: s.unit },
      );
      rows.push([
        s.region,
        s.key,
        s.metric,
        s.unit,
        s.growth,
        target.year,
        target.text,
        target.value,
        target.valueMax ?? null,
        target.qualifier,
        target.source,
        target.start,
        target.end,
        outcome.kind,
        outcome.text,
        outcome.value,
        outcome.source,
        outcome.start,
        outcome.end,
        verdict,
      ]);
    }
  }
  return rows;
}

export function panelTables(reports: PanelReport[]): Table[] {
  const series = buildSeries(reports.map(({ source, analysis }) => ({ source, analysis })));
  const seriesOf = new Map<string, Series>();
  for (const s of series) for (const p of s.points) seriesOf.set(pointKey(p.source, p.start, p.end), s);
  return [
    { name: 'reports', columns: REPORT_COLUMNS, rows: reports.map(reportRow) },
    { name: 'figures', columns: FIGURE_COLUMNS, rows: reports.flatMap((r) => figureRows(r, seriesOf)) },
    { name: 'assessments', columns: ASSESSMENT_COLUMNS, rows: assessmentRows(series) },
  ];
}
