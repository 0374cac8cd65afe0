/**
 * Notes joined with what the index knows (the report's region and year, the figure's value, unit
 * and kind), filtered and counted for the notes page's filter lists.
 */
import type { FigureRow, NoteRow, ReportRow, ZhibiaoDB } from '../storage';
import type { Facets, NoteFilter, NoteList, NoteView } from './requests';
import { searchNotes } from './search';
import { pageUrl } from '../address';
import { matchFigure } from '../storage';
import { reportLabel } from '../report';
import { coveredFigure } from './covered';

/** The year a report speaks for: its plan year, else the year it was delivered. */
function reportYear(report: ReportRow): number | null {
  if (report.planYear !== null) return report.planYear;
  const y = report.delivered ? Number.parseInt(report.delivered.slice(0, 4), 10) : NaN;
  return Number.isFinite(y) ? y : null;
}

export function toView(note: NoteRow, report: ReportRow | undefined, figure: FigureRow | undefined): NoteView {
  return {
    ...note,
    report: report
      ? // Named with region and year: national reports are all titled "政府工作报告".
        { id: report.id, title: reportLabel(report), region: report.region, year: reportYear(report), url: report.url }
      : null,
    figure: figure
      ? {
          id: figure.id,
          text: figure.text,
          value: figure.value,
          ...(figure.valueMax !== undefined ? { valueMax: figure.valueMax } : {}),
          unit: figure.unit,
          kind: figure.kind,
          metric: figure.metric,
          year: figure.year,
        }
      : null,
  };
}

/**
 * Notes joined with their reports and figures. A note made on a page before the page was indexed
 * as a report (or on a page indexed later) has no reportId; it is joined by its address instead,
 * so it still shows and filters with its report.
 */
export async function loadViews(db: ZhibiaoDB, notes?: NoteRow[]): Promise<NoteView[]> {
  const rows = notes ?? (await db.notes.toArray());
  const reportIds = [...new Set(rows.map((n) => n.reportId).filter((x): x is string => !!x))];
  const figureIds = [...new Set(rows.map((n) => n.figureId).filter((x): x is string => !!x))];
  const unfiled = [...new Set(rows.filter((n) => !n.reportId).map((n) => n.url))];
  const [reports, figures] = await Promise.all([db.reports.bulkGet(reportIds), db.figures.bulkGet(figureIds)]);
  // Notes whose report is gone (deleted, or an older version) are joined by their address too.
  const missing = rows.filter((n) => n.reportId && !reports.some((r) => r?.id === n.reportId)).map((n) => n.url);
  const addresses = [...new Set([...unfiled, ...missing])];
  const byAddress = addresses.length ? await db.reports.where('urls').anyOf(addresses).toArray() : [];
  const reportById = new Map(reports.filter((r): r is ReportRow => !!r).map((r) => [r.id, r]));
  const figureById = new Map(figures.filter((f): f is FigureRow => !!f).map((f) => [f.id, f]));
  const reportByUrl = new Map<string, ReportRow>();
  for (const r of byAddress) for (const u of r.urls) if (!reportByUrl.has(u)) reportByUrl.set(u, r);
  const figuresOf = new Map<string, FigureRow[]>();
  const views: NoteView[] = [];
  for (const n of rows) {
    const report = (n.reportId ? reportById.get(n.reportId) : undefined) ?? reportByUrl.get(n.url);
    let figure = n.figureId ? figureById.get(n.figureId) : undefined;
    // The stored id is a place in one analysis: trust it only when it still holds the noted text.
    if (n.figureId && report && (!figure || figure.reportId !== report.id || figure.text !== n.quote)) {
      if (!figuresOf.has(report.id)) figuresOf.set(report.id, await db.figuresOfReport(report.id));
      figure = matchFigure(n, figuresOf.get(report.id)!) ?? undefined;
    } else if (n.figureId && !report) figure = undefined;
    else if (!n.figureId && report && n.quote) {
      // Notes made by selecting text carry no figure id: the figure their passage covers stands in.
      if (!figuresOf.has(report.id)) figuresOf.set(report.id, await db.figuresOfReport(report.id));
      figure = coveredFigure(n.quote, figuresOf.get(report.id)!);
    }
    const view = toView(n, report, figure);
    views.push(report && n.reportId !== report.id ? { ...view, reportId: report.id } : view);
  }
  return views;
}

/** The year a note belongs to: its report's, else its figure's. */
export function noteYear(note: NoteView): number | null {
  return note.report?.year ?? note.figure?.year ?? null;
}

export function matchesFilter(note: NoteView, filter: NoteFilter): boolean {
  if (filter.reportId !== undefined && note.reportId !== filter.reportId) return false;
  if (filter.region !== undefined && note.report?.region !== filter.region) return false;
  if (filter.year !== undefined && noteYear(note) !== filter.year) return false;
  if (filter.tag !== undefined && !note.tags.some((t) => t.toLowerCase() === filter.tag!.toLowerCase())) return false;
  if (filter.kind !== undefined && note.figure?.kind !== filter.kind) return false;
  if (filter.url !== undefined && note.url !== pageUrl(filter.url)) return false;
  if (filter.detached !== undefined && note.detached !== filter.detached) return false;
  return true;
}

function counted<T>(values: T[]): Array<{ value: T; count: number }> {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count }));
}

export function facetsOf(notes: NoteView[]): Facets {
  const reports = new Map<string, { id: string; title: string | null; count: number }>();
  for (const n of notes) {
    if (!n.reportId) continue;
    const r = reports.get(n.reportId) ?? { id: n.reportId, title: n.report?.title ?? n.pageTitle, count: 0 };
    r.count++;
    reports.set(n.reportId, r);
  }
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  return {
    reports: [...reports.values()].sort(byCount),
    regions: counted(notes.map((n) => n.report?.region).filter((x): x is string => !!x)).sort(byCount),
    years: counted(notes.map(noteYear).filter((x): x is number => x !== null)).sort((a, b) => b.value - a.value),
    tags: counted(notes.flatMap((n) => n.tags)).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    kinds: counted(notes.map((n) => n.figure?.kind).filter((x): x is NonNullable<typeof x> => !!x)).sort(byCount),
  };
}

export async function listNotes(db: ZhibiaoDB, filter: NoteFilter = {}, query = ''): Promise<NoteList> {
  const all = await loadViews(db);
  const chosen = searchNotes(
    all.filter((n) => matchesFilter(n, filter)),
    query,
  );
  return { notes: chosen, facets: facetsOf(all), total: all.length };
}
