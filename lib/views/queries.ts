/**
 * The report page, the library, and deleting a report with undo.
 */
import type { FigureRow, IndicatorRow, LinkRow, ReportWithText, ZhibiaoDB } from '../storage';
import { buildComparisonRows, countKinds, loadReport, previousReport, toCell, toSummary } from './comparison';
import { findHeadings, headingAt } from './headings';
import type { DeletedReport, FigureEntry, LibraryView, ReportPageView } from './types';
import { pageUrl } from '../address';
import { shelve, unshelve } from '../storage';

/** The id of the report last seen at `url` (compared without the fragment), or null. */
export async function reportIdForUrl(db: ZhibiaoDB, url: string): Promise<string | null> {
  const bare = pageUrl(url);
  const hit = (await db.reports.where('url').equals(bare).first()) ?? (await db.reports.where('urls').equals(bare).first());
  return hit?.id ?? null;
}

export async function reportPageView(db: ZhibiaoDB, req: { reportId?: string; url?: string }): Promise<ReportPageView> {
  let id = req.reportId ?? null;
  if (!id && req.url) {
    id = await reportIdForUrl(db, req.url);
    if (!id) throw new Error(`No indexed report at ${req.url}: open the page with Zhibiao installed to index it.`);
  }
  if (!id) throw new Error('Which report? Give its id (?id=…) or its address (?url=…).');
  const reportId = id;
  // One read-only transaction for every read, as comparisonView (comparison.ts) says why.
  return db.transaction('r', [db.reports, db.texts, db.figures, db.indicators, db.links], () => readReportPage(db, reportId));
}

async function readReportPage(db: ZhibiaoDB, id: string): Promise<ReportPageView> {
  // Every read at once: each waits on IndexedDB, none on another. Figures in analysis order.
  const [report, figures, links, text] = await Promise.all([
    loadReport(db, id),
    db.figuresOfReport(id),
    db.links.where('reportId').equals(id).toArray(),
    db.reportText(id),
  ]);
  const byId = new Map(figures.map((f) => [f.id, f]));
  const headings = findHeadings(text);

  const entries: FigureEntry[] = figures.map((f) => {
    const linked = links
      .filter((l) => l.fromFigureId === f.id || l.toFigureId === f.id)
      .map((l) => byId.get(l.fromFigureId === f.id ? l.toFigureId : l.fromFigureId))
      .filter((o): o is NonNullable<typeof o> => !!o)
      // A pair can be linked in both directions or twice; each figure is listed once.
      .filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i)
      .map((o) => ({ figureId: o.id, index: o.index, text: o.text, kind: o.kind, year: o.year }));
    const at = f.start - f.sentenceStart;
    return {
      ...toCell(f),
      at: at >= 0 && f.sentence.slice(at, at + f.text.length) === f.text ? at : null,
      section: f.section,
      heading: headingAt(headings, f.start),
      metric: f.metric,
      indicatorId: f.indicatorId,
      linked,
    };
  });

  const [rows, previous] = await Promise.all([buildComparisonRows(db, report, figures), previousReport(db, report)]);
  return { report: toSummary(report), counts: countKinds(figures), rows, previous, figures: entries };
}

/** Every indexed report's metadata (the texts are kept in their own table since schema v2). */
export async function libraryView(db: ZhibiaoDB): Promise<LibraryView> {
  const rows = await db.reports.toArray();
  return { reports: rows.map(toSummary) };
}

/** Everything a report delete removed, kept on the undo shelf. */
interface RemovedRows {
  report: ReportWithText;
  figures: FigureRow[];
  links: LinkRow[];
  indicators: IndicatorRow[];
}

/** Removes a report, its figures and links, and indicators only it used; keeps all of it for undo
 * (lib/storage/undo.ts) and answers the report's summary with the undo token.
 * Notes stay: they belong to the reader and re-attach when the page is indexed again. */
export async function deleteReport(db: ZhibiaoDB, reportId: string): Promise<DeletedReport> {
  const removed = await removeReportRows(db, reportId);
  const { text: _text, ...row } = removed.report;
  return { token: shelve(db, 'report', removed), report: toSummary(row) };
}

async function removeReportRows(db: ZhibiaoDB, reportId: string): Promise<RemovedRows> {
  return db.transaction('rw', [db.reports, db.texts, db.figures, db.links, db.indicators], async () => {
    const report = { ...(await loadReport(db, reportId)), text: await db.reportText(reportId) };
    const figures = await db.figures.where('reportId').equals(reportId).toArray();
    const links = await db.links.where('reportId').equals(reportId).toArray();
    const indicatorIds = [...new Set(figures.map((f) => f.indicatorId).filter((x): x is string => !!x))];
    const orphanIds: string[] = [];
    for (const iid of indicatorIds) {
      const users = await db.figures
        .where('indicatorId')
        .equals(iid)
        .filter((f) => f.reportId !== reportId)
        .count();
      if (users === 0) orphanIds.push(iid);
    }
    const indicators = (await db.indicators.bulkGet(orphanIds)).filter((x): x is NonNullable<typeof x> => !!x);
    await db.links.bulkDelete(links.map((l) => l.id!));
    await db.figures.bulkDelete(figures.map((f) => f.id));
    await db.indicators.bulkDelete(indicators.map((i) => i.id));
    await db.reports.delete(reportId);
    await db.texts.delete(reportId);
    return { report, figures, links, indicators };
  });
}

/** Puts back what the `deleteReport` that answered `token` removed, with the same ids. */
export async function restoreReport(db: ZhibiaoDB, token: unknown): Promise<{ reportId: string }> {
  if (typeof token !== 'string') throw new Error('Nothing to restore: the undo token is missing.');
  const deleted = unshelve<RemovedRows>(db, 'report', token);
  await db.transaction('rw', [db.reports, db.texts, db.figures, db.links, db.indicators], async () => {
    await db.putReportWithText(deleted.report);
    await db.indicators.bulkPut(deleted.indicators);
    await db.figures.bulkPut(deleted.figures);
    await db.links.bulkPut(deleted.links);
  });
  return { reportId: deleted.report.id };
}
