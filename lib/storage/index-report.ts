/**
 * indexReport: one analysed report into the local index, and its region's indicators re-linked.
 *
 * Identity: the report id is a hash of its text (report-id.ts), so a reload, the same address
 * again, or the same text at another address updates one row (its `urls` collects the addresses).
 * The same address with changed text (the page was edited, or the site now serves another
 * report there) is a new version: it is stored beside the old one, which is never deleted for
 * it (a page that rewrites its address with `history.replaceState` and sends other text must not
 * remove the report really published there); the address's newest version is the one
 * `reportForUrl` answers.
 *
 * Bounds, because a page decides what is sent: a figure keeps its whole sentence only up to
 * `STORED_SENTENCE` characters, else an excerpt around the figure (the report's text is stored
 * once, beside); and an address or a site that keeps producing new texts (a page changing one
 * character and calling replaceState every second) is refused after `NEW_TEXTS_PER_ADDRESS` /
 * `NEW_REPORTS_PER_ORIGIN` new reports in `NEW_REPORTS_WINDOW_MS`. Re-indexing a known text is
 * never refused.
 *
 * Everything happens in one transaction: report row, figure rows, in-report links, and the
 * region's indicator assignments. If any write fails (storage full, the database closed) the
 * transaction aborts and the index is as it was before the call.
 */
import { reportFactsOf, type Analysis, type Figure, type ReportInfo, type Series } from '../model';
import { buildSeries, indicatorKey, isGrowth } from '../linking';
import type { IndexedReport } from '../messages';
import type { FigureRow, IndicatorRow, LinkRow, ReportRow, ZhibiaoDB } from './db';
import { pageUrl } from '../address';
import { reportIdFor } from './report-id';
import { matchFigure } from './figure-match';
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

/**
 * Addresses kept per report: the first one it was seen at and the newest others. Query-string
 * churn ("?from=timeline&t=…") would otherwise grow the list without end; a backup accepts at
 * most this many (lib/backup/validate.ts).
 */
export const MAX_REPORT_ADDRESSES = 50;

/** `urls` (first-seen address first) with `url` as the newest: duplicates dropped, the first kept, the newest others up to the cap. */
function withAddress(urls: readonly string[], url: string): string[] {
  const first = urls[0] ?? url;
  const seen = new Set<string>([first]);
  const others = [...urls.slice(1), url]
    .reverse()
    .filter((u) => !seen.has(u) && seen.add(u))
    .reverse();
  return [first, ...others.slice(-(MAX_REPORT_ADDRESSES - 1))];
}

/** Sentences longer than this are stored as an excerpt of `EXCERPT_CONTEXT` characters either side of the figure. */
export const STORED_SENTENCE = 400;
export const EXCERPT_CONTEXT = 150;

/** New reports (texts never indexed before) accepted per address and per site in one window. */
export const NEW_TEXTS_PER_ADDRESS = 3;
export const NEW_REPORTS_PER_ORIGIN = 20;
export const NEW_REPORTS_WINDOW_MS = 10 * 60_000;

/** Thrown when a page keeps sending new texts; nothing was written. */
export class IndexRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexRefused';
  }
}

function siteOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return url;
  }
}

/** Refuses a new text when its address or its site produced too many new reports lately. */
async function checkNewReportRate(db: ZhibiaoDB, url: string, now: number): Promise<void> {
  const since = now - NEW_REPORTS_WINDOW_MS;
  const recent = await db.reports
    .where('indexedAt')
    .aboveOrEqual(since)
    .filter((r) => (r.firstSeen ?? 0) >= since)
    .toArray();
  const minutes = NEW_REPORTS_WINDOW_MS / 60_000;
  if (recent.filter((r) => r.urls.includes(url)).length >= NEW_TEXTS_PER_ADDRESS) {
    throw new IndexRefused(
      `Not indexed: this page's text changed ${NEW_TEXTS_PER_ADDRESS} times within ${minutes} minutes; it is indexed again once it settles`,
    );
  }
  const site = siteOf(url);
  if (recent.filter((r) => r.urls.some((u) => siteOf(u) === site)).length >= NEW_REPORTS_PER_ORIGIN) {
    throw new IndexRefused(`Not indexed: ${site} sent ${NEW_REPORTS_PER_ORIGIN} new reports within ${minutes} minutes`);
  }
}

export async function indexReport(db: ZhibiaoDB, input: ReportInput, now = Date.now()): Promise<IndexedReport> {
  // Hash before the transaction: a transaction commits as soon as it awaits anything but Dexie.
  const id = await reportIdFor(input.text);
  const url = pageUrl(input.url);
  const info = input.analysis.report;
  if (!(await db.reports.get(id))) await checkNewReportRate(db, url, now);
  try {
    return await db.transaction('rw', [db.reports, db.texts, db.figures, db.links, db.indicators, db.notes], async () => {
      const regionsToRelink = new Set<string>();
      if (info.region) regionsToRelink.add(info.region);

      const existing = await db.reports.get(id);
      const urls = existing ? withAddress(existing.urls, url) : [url];
      if (existing?.region && existing.region !== info.region) regionsToRelink.add(existing.region);
      const row: ReportRow = {
        id,
        url: existing ? originalAddress(existing.url, url) : url,
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
        indexedAt: now,
        ...(existing ? (existing.firstSeen !== undefined ? { firstSeen: existing.firstSeen } : {}) : { firstSeen: now }),
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

      await retieNotes(db, id, url, input.analysis.figures);
      for (const region of regionsToRelink) await relinkRegion(db, region);
      return indexedReportOf(db, id);
    });
  } catch (err) {
    throw new StorageError(`Could not save the report to the local index`, err);
  }
}

/** A government site's address (…gov.cn): the official source of a report. */
export function isOfficial(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'gov.cn' || host.endsWith('.gov.cn');
  } catch {
    return false;
  }
}

/**
 * The report's "original page": the first address it was seen at, replaced only by an official
 * one — a copy of the same text on another site never moves the link away from the government's page.
 */
function originalAddress(current: string, seen: string): string {
  return !isOfficial(current) && isOfficial(seen) ? seen : current;
}

/**
 * Notes follow their report: the notes of this text (a re-analysis may have moved its figures'
 * indices) and the notes made at this address on an older version of its text are tied to this
 * report, each note on a figure to the figure with its text nearest to where it stood, or to none.
 * Not an edit: `updated` stays.
 */
async function retieNotes(db: ZhibiaoDB, id: string, url: string, figures: readonly Figure[]): Promise<void> {
  const here = await db.notes.where('url').equals(url).toArray();
  const ofReport = await db.notes.where('reportId').equals(id).toArray();
  const seen = new Set<string>();
  const changed = [];
  const indexed = figures.map((f, index) => ({ index, start: f.start, text: f.text }));
  for (const note of [...ofReport, ...here]) {
    if (seen.has(note.id)) continue;
    seen.add(note.id);
    let figureId = note.figureId;
    if (note.figureId !== null) {
      const match = matchFigure(note, indexed);
      figureId = match ? `${id}:${match.index}` : null;
    }
    if (note.reportId !== id || figureId !== note.figureId) changed.push({ ...note, reportId: id, figureId });
  }
  if (changed.length) await db.notes.bulkPut(changed);
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
  return { ...f, ...excerptOf(f), id: `${reportId}:${index}`, reportId, index, indicatorId: null, seriesYear: null };
}

/** The figure's sentence, or for a long one the part around the figure (still a slice of the text). */
export function excerptOf(f: Pick<Figure, 'start' | 'end' | 'sentence' | 'sentenceStart'>): Pick<Figure, 'sentence' | 'sentenceStart'> {
  if (f.sentence.length <= STORED_SENTENCE) return { sentence: f.sentence, sentenceStart: f.sentenceStart };
  const from = Math.max(0, f.start - f.sentenceStart - EXCERPT_CONTEXT);
  const to = Math.min(f.sentence.length, f.end - f.sentenceStart + EXCERPT_CONTEXT);
  return { sentence: f.sentence.slice(from, to), sentenceStart: f.sentenceStart + from };
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

/**
 * Recomputes the region's series from its stored reports and writes each figure's indicator.
 *
 * One report per plan year takes part: one seen on a government site (…gov.cn) before others, then
 * the first seen. Never simply the last indexed: a copy with an altered target on another site,
 * read later, would otherwise replace the genuine report's figures in every card of the region.
 * The same report stored twice under different texts (two sites' copies) would otherwise give
 * every year two identical points. The other copies still get indicator ids (so their cards show
 * the history, and where their value differs, that the sources disagree) but are not points of it.
 */
export async function relinkRegion(db: ZhibiaoDB, region: string): Promise<void> {
  const all = await db.reports.where('region').equals(region).toArray();
  const firstSeen = (r: ReportRow) => r.firstSeen ?? r.indexedAt;
  all.sort((a, b) => Number(isOfficial(b.url)) - Number(isOfficial(a.url)) || firstSeen(a) - firstSeen(b) || a.id.localeCompare(b.id));
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
