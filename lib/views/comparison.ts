/**
 * Comparison rows: for every indicator this report sets a target for, last year's target (from the
 * region's previous report), last year's outcome, whether the target was met, and this year's target.
 *
 * Pure queries over the index; nothing here writes.
 */
import Dexie from 'dexie';
import { reportFactsOf } from '../model';
import type { FigureRow, ReportRow, ZhibiaoDB } from '../storage';
import { isOutcome, perKind } from '../kinds';
import { compareValues } from '../linking';
import { judgeTarget, type TargetVerdict } from '../linking';
import { catalogueEntry } from '../catalogue';
import type { ComparisonRow, ComparisonView, FigureCell, KindCounts, ReportSummary, PreviousReport, TargetStatus, TrendPoint, ValueChange } from './types';

export function toSummary(r: ReportRow): ReportSummary {
  return {
    id: r.id,
    url: r.url,
    ...reportFactsOf(r),
    figureCount: r.figureCount,
    indexedAt: r.indexedAt,
    warnings: r.warnings ?? [],
  };
}

export function toCell(f: FigureRow): FigureCell {
  const cell: FigureCell = {
    figureId: f.id,
    reportId: f.reportId,
    index: f.index,
    text: f.text,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    kind: f.kind,
    year: f.year,
    growth: !!f.growth,
    sentence: f.sentence,
  };
  if (f.valueMax !== undefined) cell.valueMax = f.valueMax;
  if (f.headline) cell.headline = true;
  if (f.indicator) cell.indicator = f.indicator;
  return cell;
}

export function countKinds(figures: FigureRow[]): KindCounts {
  const counts: KindCounts = perKind(() => 0);
  for (const f of figures) counts[f.kind]++;
  return counts;
}

/** The first of `xs` that satisfies the earliest preference that any of them satisfies. */
function pickBy<T>(xs: T[], ...prefs: ((x: T) => boolean)[]): T | null {
  for (const p of prefs) {
    const hit = xs.find(p);
    if (hit) return hit;
  }
  return xs[0] ?? null;
}

export async function loadReport(db: ZhibiaoDB, reportId: string): Promise<ReportRow> {
  const report = await db.reports.get(reportId);
  if (!report) throw new Error(`No indexed report with id ${reportId}: it may have been deleted from the library.`);
  return report;
}

/**
 * Builds the rows from the report's own figures (passed in, so the report page does not read them twice).
 * The plan figure of an indicator is its first target in a plan section; an indicator with several
 * ("增长7%以上、力争达到8%") is compared on the first, the commitment the report leads with.
 */
export async function buildComparisonRows(db: ZhibiaoDB, report: ReportRow, figures: FigureRow[]): Promise<ComparisonRow[]> {
  const planFigures = new Map<string, FigureRow>();
  for (const f of figures) {
    if (f.kind !== 'target' || f.section !== 'plan' || !f.indicatorId) continue;
    if (!planFigures.has(f.indicatorId)) planFigures.set(f.indicatorId, f);
  }
  if (planFigures.size === 0) return [];
  const ids = [...planFigures.keys()];

  // Which year each report of the region planned, for where a history point comes from. Read from
  // the [region+planYear] index alone: the rows themselves are not needed.
  const planYears = new Map<string, number | null>([[report.id, report.planYear]]);
  // Every read at once: each waits on IndexedDB, none on another.
  const [histories, indicators, links] = await Promise.all([
    // One equality range per indicator: anyOf walks the index with a skipping cursor, several
    // times slower here than a range each (measured in bench/views.bench.ts).
    Promise.all(ids.map((id) => db.figures.where('indicatorId').equals(id).toArray())),
    db.indicators.bulkGet(ids),
    db.links.where('reportId').equals(report.id).toArray(),
    report.region === null
      ? null
      : db.reports
          .where('[region+planYear]')
          .between([report.region, Dexie.minKey], [report.region, Dexie.maxKey])
          .eachKey((key, cursor) => planYears.set(String(cursor.primaryKey), (key as [string, number])[1])),
  ]);
  const history = histories.flat();
  const byId = new Map(figures.map((f) => [f.id, f]));
  const planYearOf = (reportId: string) => planYears.get(reportId) ?? null;

  const historyByIndicator = new Map<string, FigureRow[]>();
  for (const f of history) {
    const list = historyByIndicator.get(f.indicatorId!) ?? [];
    list.push(f);
    historyByIndicator.set(f.indicatorId!, list);
  }

  const rows: ComparisonRow[] = [];
  for (const [indicatorId, plan] of planFigures) {
    const year = plan.year ?? report.planYear;
    const prevYear = year === null ? null : year - 1;
    const hist = (historyByIndicator.get(indicatorId) ?? []).sort((a, b) => a.reportId.localeCompare(b.reportId) || a.index - b.index);

    let lastTarget: FigureRow | null = null;
    let lastActual: FigureRow | null = null;
    if (prevYear !== null) {
      const targets = hist.filter((f) => f.kind === 'target' && f.year === prevYear);
      // The target as set in the report that planned that year; another report's restatement next.
      lastTarget = targets.length
        ? pickBy(
            targets,
            (f) => f.seriesYear === prevYear && planYearOf(f.reportId) === prevYear,
            (f) => planYearOf(f.reportId) === prevYear,
          )
        : null;

      // This report's own review figure the linker tied to the plan figure is the outcome it reports.
      const linked = links
        .filter((l) => l.toFigureId === plan.id)
        .map((l) => byId.get(l.fromFigureId))
        .filter((f): f is FigureRow => !!f && isOutcome(f.kind) && (f.year === null || f.year === prevYear))
        .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'actual' ? -1 : 1));
      lastActual = linked[0] ?? null;
      if (!lastActual) {
        const outcomes = hist.filter((f) => isOutcome(f.kind) && f.year === prevYear);
        // An actual beats an estimate; the report reviewing that year beats a later restatement.
        lastActual = outcomes.length
          ? pickBy(
              outcomes,
              (f) => f.kind === 'actual' && f.reportId === report.id,
              (f) => f.kind === 'actual' && f.seriesYear === prevYear,
              (f) => f.kind === 'actual',
              (f) => f.reportId === report.id,
            )
          : null;
      }
    }

    const indicator = indicators[ids.indexOf(indicatorId)];
    const metric = indicator?.metric ?? plan.metric;
    // The stored indicator id is region|key|unit; the key is a catalogue id when the catalogue knows it.
    const key = indicatorId.split('|')[1] ?? '';
    const catalogueId = catalogueEntry(key)?.id ?? null;
    let judged: TargetVerdict | null = null;
    let status: TargetStatus = 'no-target';
    if (lastTarget) {
      judged = judgeTarget(
        {
          value: lastTarget.value,
          valueMax: lastTarget.valueMax,
          qualifier: lastTarget.qualifier,
          unit: lastTarget.unit,
          indicator: key,
          metric: lastTarget.metric || metric,
        },
        lastActual ? { value: lastActual.value, unit: lastActual.unit } : null,
      );
      status = judged.verdict === 'not-assessable' ? (lastActual ? 'unknown' : 'no-outcome') : judged.verdict;
    }

    let change: ValueChange | null = null;
    const base = lastTarget ?? lastActual;
    if (base && base.unit === plan.unit) {
      change = { ...compareValues(base.value, plan.value), from: lastTarget ? 'target' : 'actual' };
      if (lastTarget && (lastTarget.qualifier ?? null) !== (plan.qualifier ?? null))
        change.qualifier = { from: lastTarget.qualifier ?? null, to: plan.qualifier ?? null };
    }

    rows.push({
      indicatorId,
      metric,
      unit: plan.unit,
      growth: !!plan.growth,
      target: toCell(plan),
      lastTarget: lastTarget ? toCell(lastTarget) : null,
      lastActual: lastActual ? toCell(lastActual) : null,
      status,
      indicator: catalogueId,
      verdict: judged?.verdict ?? null,
      gap: judged?.gap ?? null,
      position: judged?.position ?? null,
      change,
      trend: buildTrend(hist, report.id, planYearOf),
    });
  }
  return rows;
}

/**
 * One target and one outcome per year. A year's target is taken from the report that planned it;
 * its outcome from an actual before an estimate, from the report that reviewed it first.
 *
 * The index marks which figures are points of the indicator's series (`seriesYear`); a figure
 * marked null is another mention (a repeat, another site's copy) and is left out, so the chart
 * shows the same points as the figure cards. Figures indexed before that mark fall back to `year`.
 */
export function buildTrend(hist: FigureRow[], currentReportId: string, planYearOf: (reportId: string) => number | null): TrendPoint[] {
  const targets = new Map<number, { figure: FigureRow; year: number }>();
  const outcomes = new Map<number, { figure: FigureRow; year: number }>();
  const score = (f: FigureRow, y: number): number => {
    if (f.kind === 'target') return (planYearOf(f.reportId) === y ? 2 : 0) + (f.reportId === currentReportId ? 1 : 0);
    return (f.kind === 'actual' ? 4 : 0) + (planYearOf(f.reportId) === y + 1 ? 2 : 0) + (f.reportId === currentReportId ? 1 : 0);
  };
  for (const f of hist) {
    if (f.seriesYear === null || f.kind === 'baseline') continue;
    const year = f.seriesYear ?? f.year;
    if (year === null) continue;
    const map = f.kind === 'target' ? targets : outcomes;
    const had = map.get(year);
    if (!had || score(f, year) > score(had.figure, year)) map.set(year, { figure: f, year });
  }
  const points: TrendPoint[] = [];
  const push = ({ figure: f, year }: { figure: FigureRow; year: number }, series: 'target' | 'actual') => {
    const p: TrendPoint = {
      year,
      series,
      estimate: f.kind === 'estimate',
      value: f.value,
      text: f.text,
      reportId: f.reportId,
    };
    if (f.valueMax !== undefined) p.valueMax = f.valueMax;
    points.push(p);
  };
  for (const f of targets.values()) push(f, 'target');
  for (const f of outcomes.values()) push(f, 'actual');
  return points.sort((a, b) => a.year - b.year || (a.series === 'target' ? -1 : 1));
}

/** The region's report planning the year before this one, looked up in the [region+planYear] index. */
export async function previousReport(db: ZhibiaoDB, report: ReportRow): Promise<PreviousReport | null> {
  if (report.planYear === null) return null;
  const year = report.planYear - 1;
  if (report.region === null) return { region: null, year, reportId: null };
  const key = await db.reports.where('[region+planYear]').equals([report.region, year]).primaryKeys();
  return { region: report.region, year, reportId: key.length ? String(key[0]) : null };
}

export async function comparisonView(db: ZhibiaoDB, reportId: string): Promise<ComparisonView> {
  // One read-only transaction for every read: in Chromium, two dozen reads each in a transaction
  // of its own took twice as long as the same reads in one (timed in the background's worker).
  return db.transaction('r', [db.reports, db.figures, db.indicators, db.links], async () => {
    // The report and its figures (in analysis order, from the [reportId+index] index) at once; then
    // the rows and the previous report, which both need the report's region and year, at once.
    const [report, figures] = await Promise.all([loadReport(db, reportId), db.figuresOfReport(reportId)]);
    const [rows, previous] = await Promise.all([buildComparisonRows(db, report, figures), previousReport(db, report)]);
    return { report: toSummary(report), counts: countKinds(figures), rows, previous };
  });
}
