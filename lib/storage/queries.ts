/**
 * Read side of the index: a report's figures with their indicator histories, and which report an
 * address carries. Used by the background's `index/*` handlers and by views.
 */
import type { FigureKind } from '../model';
import type { FigureHistory, HistoryPoint, IndexedReport } from '../messages';
import type { FigureRow, ReportRow, ZhibiaoDB } from './db';
import { pageUrl } from '../address';
import { KIND_META, perKind } from '../kinds';

/** Within a year: the target first, then what came of it (estimate, actual), then baselines. */
const KIND_ORDER: Record<FigureKind, number> = perKind((k) => KIND_META[k].yearOrder);

function pointOf(row: FigureRow, report: ReportRow | undefined): HistoryPoint {
  const p: HistoryPoint = {
    reportId: row.reportId,
    figureId: row.id,
    figureIndex: row.index,
    year: row.seriesYear!,
    kind: row.kind,
    value: row.value,
    qualifier: row.qualifier,
    unit: row.unit,
    text: row.text,
    url: report?.url ?? '',
    reportTitle: report?.title ?? null,
    region: report?.region ?? null,
  };
  if (row.valueMax !== undefined) p.valueMax = row.valueMax;
  return p;
}

/**
 * History points of each indicator, sorted by year, then kind, then report. A point whose year has
 * other copies of its report (same region and plan year, another text) saying another value lists
 * them as `disputed`: sources that disagree are shown, never silently replaced.
 */
async function historiesOf(db: ZhibiaoDB, indicatorIds: string[]): Promise<Map<string, HistoryPoint[]>> {
  const out = new Map<string, HistoryPoint[]>();
  if (indicatorIds.length === 0) return out;
  const all = await db.figures.where('indicatorId').anyOf(indicatorIds).toArray();
  const rows = all.filter((r) => typeof r.seriesYear === 'number');
  const reportIds = [...new Set(all.map((r) => r.reportId))];
  const reports = new Map<string, ReportRow>();
  (await db.reports.bulkGet(reportIds)).forEach((r) => r && reports.set(r.id, r));
  const copies = all.filter((r) => typeof r.seriesYear !== 'number');
  for (const row of rows) {
    const list = out.get(row.indicatorId!) ?? [];
    const point = pointOf(row, reports.get(row.reportId));
    const planYear = reports.get(row.reportId)?.planYear;
    const disputed = copies.filter(
      (c) =>
        c.indicatorId === row.indicatorId &&
        c.reportId !== row.reportId &&
        c.kind === row.kind &&
        c.year === row.year &&
        reports.get(c.reportId)?.planYear === planYear &&
        (c.value !== row.value || c.valueMax !== row.valueMax),
    );
    if (disputed.length) point.disputed = disputed.map((c) => ({ text: c.text, url: reports.get(c.reportId)?.url ?? '' }));
    list.push(point);
    out.set(row.indicatorId!, list);
  }
  for (const list of out.values()) {
    list.sort((a, b) => a.year - b.year || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.reportId.localeCompare(b.reportId));
  }
  return out;
}

/** Every figure of a stored report with its indicator's history; rejects when the report is unknown. */
export async function indexedReportOf(db: ZhibiaoDB, reportId: string): Promise<IndexedReport> {
  if (!(await db.reports.get(reportId))) throw new Error(`No report ${reportId} in the local index`);
  const figures = await db.figuresOfReport(reportId);
  const ids = [...new Set(figures.map((f) => f.indicatorId).filter((id): id is string => id !== null))];
  const histories = await historiesOf(db, ids);
  return {
    reportId,
    figures: figures.map((f) => ({
      index: f.index,
      indicatorId: f.indicatorId,
      history: f.indicatorId ? (histories.get(f.indicatorId) ?? []) : [],
    })),
  };
}

export async function historyFor(db: ZhibiaoDB, reportId: string, index: number): Promise<FigureHistory> {
  const figure = await db.figures.get(`${reportId}:${index}`);
  if (!figure) throw new Error(`No figure ${index} of report ${reportId} in the local index`);
  const history = figure.indicatorId ? ((await historiesOf(db, [figure.indicatorId])).get(figure.indicatorId) ?? []) : [];
  return { index, indicatorId: figure.indicatorId, history };
}

/** The report last indexed at this address (fragment ignored), or null. */
export async function reportForUrl(db: ZhibiaoDB, url: string): Promise<string | null> {
  const rows = await db.reports.where('urls').equals(pageUrl(url)).toArray();
  if (rows.length === 0) return null;
  rows.sort((a, b) => b.indexedAt - a.indexedAt || (b.firstSeen ?? 0) - (a.firstSeen ?? 0));
  return rows[0].id;
}
