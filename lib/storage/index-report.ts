/**
 * indexReport: one analysed report into the local index, and its region's indicators re-linked.
 *
 * Identity: the report id is a hash of its text (report-id.ts), so a reload, the same address
 * again, or the same text at another address updates one row (its `urls` collects the addresses).
 * The same address with changed text (the page was edited, or the site now serves another
 * report there) is a new report; the address moves to it, and the old report is deleted when no
 * other address still carries it. Notes are never touched here: they keep their address and
 * quote and are re-attached by the notes module.
 *
 * Everything happens in one transaction: report row, figure rows, in-report links, and the
 * region's indicator assignments. If any write fails (storage full, the database closed) the
 * transaction aborts and the index is as it was before the call.
 */
import { reportFactsOf, type Analysis, type Figure, type ReportInfo, type Series } from '../model';
import { buildSeries, indicatorKey, isGrowth } from '../linking';
import type { IndexedReport } from '../messages/types';
import type { FigureRow, IndicatorRow, LinkRow, ReportRow, ZhibiaoDB } from './db';
import { pageUrl } from '../address';
import { reportIdFor } from './report-id';
import { indexedReportOf } from './queries';

export interface ReportInput {
  url: string;
  title: string;
  text: string;
  analysis: Analysis;
}

/**
 * At most this many reports of one region take part in cross-report linking: a region publishes
 * one report a year, so 40 covers four decades; the newest win when there are more.
 */
export const MAX_REGION_REPORTS = 40;

export async function indexReport(db: ZhibiaoDB, input: ReportInput): Promise<IndexedReport> {
  // Hash before the transaction: a transaction commits as soon as it awaits anything but Dexie.
  const id = await reportIdFor(input.text);
  const url = pageUrl(input.url);
  const info = input.analysis.report;
  try {
    return await db.transaction('rw', [db.reports, db.texts, db.figures, db.links, db.indicators], async () => {
      const regionsToRelink = new Set<string>();
      if (info.region) regionsToRelink.add(info.region);

      // The address now shows this text: take it away from any other report that had it.
      const previous = await db.reports.where('urls').equals(url).toArray();
      for (const old of previous) {
        if (old.id === id) continue;
        const urls = old.urls.filter((u) => u !== url);
        if (urls.length === 0) {
          await removeReport(db, old.id);
          if (old.region) regionsToRelink.add(old.region);
        } else {
          await db.reports.put({ ...old, urls, url: old.url === url ? urls[urls.length - 1] : old.url });
        }
      }

      const existing = await db.reports.get(id);
      const urls = existing ? [...existing.urls.filter((u) => u !== url), url] : [url];
      if (existing?.region && existing.region !== info.region) regionsToRelink.add(existing.region);
      const row: ReportRow = {
        id,
        url,
        urls,
        title: info.title ?? (input.title || null),
        region: info.region,
        level: info.level,
        delivered: info.delivered,
        planYear: info.planYear,
        reviewYear: info.reviewYear,
        score: info.score,
        warnings: info.warnings,
        figureCount: input.analysis.figures.length,
        indexedAt: Date.now(),
      };
      await db.putReportWithText({ ...row, text: input.text });

      // The analysis may differ from the stored one (a newer engine): replace, never merge.
      await db.figures.where('reportId').equals(id).delete();
      await db.links.where('reportId').equals(id).delete();
      await db.figures.bulkPut(input.analysis.figures.map((f, index) => figureRow(id, index, f)));
      await db.links.bulkAdd(
        input.analysis.links.map((l): LinkRow => ({
          reportId: id,
          fromFigureId: `${id}:${l.from}`,
          toFigureId: `${id}:${l.to}`,
          score: l.score,
        })),
      );

      for (const region of regionsToRelink) await relinkRegion(db, region, id);
      return indexedReportOf(db, id);
    });
  } catch (err) {
    throw new StorageError(`Could not save the report to the local index`, err);
  }
}

/** A failed write, with the cause's words kept (QuotaExceededError is recognised by callers). */
export class StorageError extends Error {
  readonly inner: unknown;
  constructor(message: string, inner: unknown) {
    const name = (inner as { name?: string } | null)?.name;
    const detail = inner instanceof Error ? inner.message : String(inner);
    super(`${message}: ${name && !detail.includes(name) ? `${name}: ` : ''}${detail}`);
    this.name = name === 'QuotaExceededError' ? 'QuotaExceededError' : 'StorageError';
    this.inner = inner;
  }
}

function figureRow(reportId: string, index: number, f: Figure): FigureRow {
  return { ...f, id: `${reportId}:${index}`, reportId, index, indicatorId: null, seriesYear: null };
}

export function figureOfRow(r: FigureRow): Figure {
  // The row is the figure plus where it is stored and what it measures.
  const { id: _id, reportId: _reportId, index: _index, indicatorId: _indicatorId, seriesYear: _seriesYear, ...figure } = r;
  return figure;
}

export function reportInfoOfRow(r: ReportRow): ReportInfo {
  return {
    isReport: r.score >= 0.5,
    score: r.score,
    reasons: [],
    ...reportFactsOf(r),
    warnings: r.warnings,
  };
}

async function removeReport(db: ZhibiaoDB, id: string): Promise<void> {
  await db.figures.where('reportId').equals(id).delete();
  await db.links.where('reportId').equals(id).delete();
  await db.reports.delete(id);
  await db.texts.delete(id);
}

/**
 * Recomputes the region's series from its stored reports and writes each figure's indicator.
 *
 * One report per plan year takes part (`preferredId` for its year, else the most recently indexed):
 * the same report stored twice under different texts (two sites' copies) would otherwise give
 * every year two identical points. The other copies still get indicator ids (so their cards show
 * the history) but are not points of it.
 */
export async function relinkRegion(db: ZhibiaoDB, region: string, preferredId?: string): Promise<void> {
  const all = await db.reports.where('region').equals(region).toArray();
  all.sort((a, b) => (b.id === preferredId ? 1 : 0) - (a.id === preferredId ? 1 : 0) || b.indexedAt - a.indexedAt);
  const byYear = new Map<string, ReportRow>();
  for (const r of all) {
    const slot = r.planYear === null ? `id:${r.id}` : `year:${r.planYear}`;
    if (!byYear.has(slot)) byYear.set(slot, r);
  }
  const representatives = new Set(
    [...byYear.values()]
      .sort((a, b) => (b.planYear ?? 0) - (a.planYear ?? 0) || b.indexedAt - a.indexedAt)
      .slice(0, MAX_REGION_REPORTS)
      .map((r) => r.id),
  );
  const considered = all.filter((r) => representatives.has(r.id) || all.indexOf(r) < MAX_REGION_REPORTS * 2);

  const figuresOf = new Map<string, FigureRow[]>();
  for (const r of considered) {
    figuresOf.set(r.id, await db.figuresOfReport(r.id));
  }
  const inputs: { source: string; analysis: Analysis }[] = [];
  for (const r of considered) {
    if (!representatives.has(r.id)) continue;
    const links = await db.links.where('reportId').equals(r.id).toArray();
    const indexOf = (figureId: string) => Number(figureId.slice(figureId.lastIndexOf(':') + 1));
    inputs.push({
      source: r.id,
      analysis: {
        report: reportInfoOfRow(r),
        sections: [],
        figures: figuresOf.get(r.id)!.map(figureOfRow),
        links: links.map((l) => ({ from: indexOf(l.fromFigureId), to: indexOf(l.toFigureId), score: l.score })),
      },
    });
  }

  const series = buildSeries(inputs);
  const assignment = new Map<string, { indicatorId: string; seriesYear: number | null }>();
  const byWording = new Map<string, string>();
  const indicators: IndicatorRow[] = [];
  const usedIds = new Set<string>();
  for (const s of series) {
    const indicatorId = uniqueIndicatorId(region, s, usedIds);
    indicators.push({ id: indicatorId, region, key: s.key, metric: s.metric, unit: s.unit, growth: s.growth });
    for (const p of s.points) {
      const row = figuresOf.get(p.source)?.find((f) => f.start === p.start && f.end === p.end);
      if (!row) continue;
      assignment.set(row.id, { indicatorId, seriesYear: p.year });
      const wording = wordingOf(row);
      if (wording && !byWording.has(wording)) byWording.set(wording, indicatorId);
    }
  }

  // Other mentions of a series' indicator (repeats in the text, other copies of a report) point at
  // it too, by the same indicator key, unit and rate-or-level as one of its points.
  const changed: FigureRow[] = [];
  for (const rows of figuresOf.values()) {
    for (const row of rows) {
      const wording = wordingOf(row);
      const next = assignment.get(row.id) ?? {
        indicatorId: (wording && byWording.get(wording)) || null,
        seriesYear: null,
      };
      if (row.indicatorId !== next.indicatorId || (row.seriesYear ?? null) !== next.seriesYear) {
        changed.push({ ...row, indicatorId: next.indicatorId, seriesYear: next.seriesYear });
      }
    }
  }
  await db.figures.bulkPut(changed);

  const keep = new Set(indicators.map((i) => i.id));
  const stale = (await db.indicators.where('region').equals(region).primaryKeys()).filter((k) => !keep.has(k));
  await db.indicators.bulkDelete(stale);
  await db.indicators.bulkPut(indicators);
}

function wordingOf(row: FigureRow): string | null {
  const key = indicatorKey(figureOfRow(row));
  return key ? `${key}\u0000${row.unit}\u0000${isGrowth(figureOfRow(row))}` : null;
}

/** `${region}|${key}|${unit}`; a rate and a level sharing key and unit get a suffix to stay apart. */
function uniqueIndicatorId(region: string, s: Series, used: Set<string>): string {
  let id = `${region}|${s.key}|${s.unit}`;
  if (used.has(id)) id = `${id}|${s.growth ? 'rate' : 'level'}`;
  for (let n = 2; used.has(id); n++) id = `${region}|${s.key}|${s.unit}|${n}`;
  used.add(id);
  return id;
}
