/**
 * One indicator in one year across every region in the library: each region's target for that
 * year (and the outcome, when a later report gives it), with the national target beside them.
 *
 * An indicator is named three ways, tried in this order: a figure (`figureId`, from a card or a
 * comparison row: its catalogue id, else its indicator's key, and its year), the catalogue id
 * (`indicator`, the same across regions by construction), or the indicator key (`key`, which the
 * synonym table already makes regional: 国内生产总值 and 地区生产总值 share 生产总值).
 * Pure queries over the index; nothing here writes.
 */
import type { Level } from '../model';
import type { FigureRow, ReportRow, ZhibiaoDB } from '../storage';
import { toCell } from './comparison';
import type { FigureCell } from './types';
import { isOutcome } from '../kinds';

export interface RegionsRequest {
  type: 'view/regions';
  figureId?: string;
  indicator?: string;
  key?: string;
  year?: number;
}

export interface RegionRow {
  region: string;
  level: Level | null;
  reportId: string;
  /** The report the target comes from, for its name and a link to the sentence. */
  report: Pick<ReportRow, 'id' | 'url' | 'title' | 'region' | 'level' | 'planYear' | 'delivered'>;
  target: FigureCell | null;
  outcome: FigureCell | null;
}

export interface IndicatorChoice {
  key: string;
  metric: string;
  unit: string;
  regions: number;
}

export interface RegionsView {
  /** Null when nothing named an indicator: the page then offers `choices`. */
  metric: string | null;
  key: string | null;
  indicator: string | null;
  unit: string;
  year: number | null;
  /** Years some report in the library plans, newest first. */
  years: number[];
  /** Every region's row except the nation's. */
  rows: RegionRow[];
  national: RegionRow | null;
  /** Indicators set by two or more regions, most widely set first. */
  choices: IndicatorChoice[];
}

declare module '../messages/types' {
  interface BackgroundMessages {
    'view/regions': { request: RegionsRequest; response: RegionsView };
  }
}

const yearOf = (f: FigureRow) => f.seriesYear ?? f.year;
const isNational = (r: Pick<ReportRow, 'level' | 'region'>) => r.level === 'national' || r.region === '全国';

async function choices(db: ZhibiaoDB): Promise<IndicatorChoice[]> {
  const byKey = new Map<string, IndicatorChoice & { seen: Set<string> }>();
  await db.indicators.each((i) => {
    if (!i.key) return;
    const c = byKey.get(i.key) ?? { key: i.key, metric: i.metric, unit: i.unit, regions: 0, seen: new Set<string>() };
    c.seen.add(i.region);
    c.regions = c.seen.size;
    byKey.set(i.key, c);
  });
  return [...byKey.values()]
    .filter((c) => c.regions >= 2)
    .sort((a, b) => b.regions - a.regions || a.key.localeCompare(b.key, 'zh'))
    .map(({ seen: _seen, ...c }) => c);
}

async function figuresOf(db: ZhibiaoDB, indicator: string | null, key: string | null, unit: string | null): Promise<FigureRow[]> {
  if (indicator) {
    // The catalogue id is not an index of the table: one pass over the figures, in the background.
    const hits = await db.figures.filter((f) => f.indicator === indicator).toArray();
    if (hits.length) return hits;
  }
  if (!key) return [];
  const ids = (await db.indicators.where('key').equals(key).toArray()).filter((i) => unit === null || i.unit === unit).map((i) => i.id);
  return (await Promise.all(ids.map((id) => db.figures.where('indicatorId').equals(id).toArray()))).flat();
}

export async function regionsView(db: ZhibiaoDB, req: Omit<RegionsRequest, 'type'>): Promise<RegionsView> {
  let indicator = req.indicator ?? null;
  let key = req.key ?? null;
  let year = req.year ?? null;
  let unit: string | null = null;
  let asked: FigureRow | undefined;
  if (req.figureId) {
    const f = (asked = await db.figures.get(req.figureId));
    if (!f) throw new Error(`No indexed figure ${req.figureId}: its report may have been deleted from the library.`);
    indicator = f.indicator ?? indicator;
    key = (f.indicatorId ? (await db.indicators.get(f.indicatorId))?.key : null) ?? key;
    year = year ?? yearOf(f);
    unit = f.unit;
    if (!indicator && !key) throw new Error(`The figure ${f.text} names no indicator that other regions could share.`);
  }
  const planYears = new Set<number>();
  await db.reports.orderBy('planYear').eachKey((k) => typeof k === 'number' && planYears.add(k));
  const years = [...planYears].sort((a, b) => b - a);
  const empty: RegionsView = { metric: null, key, indicator, unit: unit ?? '', year, years, rows: [], national: null, choices: await choices(db) };
  if ((!indicator && !key) || year === null) return empty;

  const figures = (await figuresOf(db, indicator, key, unit)).filter((f) => yearOf(f) === year && (f.kind === 'target' || isOutcome(f.kind)));
  const reports = new Map<string, ReportRow>();
  const ids = [...new Set(figures.map((f) => f.reportId))];
  (await db.reports.bulkGet(ids)).forEach((r) => r && reports.set(r.id, r));

  // Per region: the target from the report that planned the year (its first mention), and the
  // outcome from the report that reviewed it, an actual before an estimate.
  const byRegion = new Map<string, { target: FigureRow | null; outcome: FigureRow | null; report: ReportRow }>();
  const rank = (f: FigureRow, r: ReportRow) =>
    f.kind === 'target' ? (r.planYear === year ? 2 : 0) : (f.kind === 'actual' ? 4 : 0) + (r.planYear === year + 1 ? 2 : 0);
  for (const f of figures.sort((a, b) => a.reportId.localeCompare(b.reportId) || a.index - b.index)) {
    const r = reports.get(f.reportId);
    if (!r?.region) continue;
    const entry = byRegion.get(r.region) ?? { target: null, outcome: null, report: r };
    const slot = f.kind === 'target' ? 'target' : 'outcome';
    const had = entry[slot];
    if (!had || rank(f, r) > rank(had, reports.get(had.reportId)!)) {
      entry[slot] = f;
      if (slot === 'target') entry.report = r;
    }
    byRegion.set(r.region, entry);
  }
  // Named as the figure asked about, else as the nation names it, else as the first region does.
  const targets = figures.filter((f) => f.kind === 'target');
  const named = asked ?? targets.find((f) => isNational(reports.get(f.reportId) ?? { level: null, region: null })) ?? targets[0] ?? figures[0];
  const metric = (named?.indicatorId ? (await db.indicators.get(named.indicatorId))?.metric : null) ?? named?.metric ?? key ?? indicator;
  const all: RegionRow[] = [...byRegion].map(([region, e]) => ({
    region,
    level: e.report.level,
    reportId: e.report.id,
    report: {
      id: e.report.id,
      url: e.report.url,
      title: e.report.title,
      region: e.report.region,
      level: e.report.level,
      planYear: e.report.planYear,
      delivered: e.report.delivered,
    },
    target: e.target ? toCell(e.target) : null,
    outcome: e.outcome ? toCell(e.outcome) : null,
  }));
  return {
    ...empty,
    metric,
    unit: unit ?? named?.unit ?? '',
    rows: all.filter((r) => !isNational(r)),
    national: all.find((r) => isNational(r)) ?? null,
  };
}
