/**
 * The `view/*` requests extension pages send to the background, and what they answer.
 * Registered in the shared message map by module augmentation, so the typed client knows them.
 */
import type { FigureKind, ReportFacts, SectionKind } from '../model';

/** A report as the views show it: its metadata without the text. */
export interface ReportSummary extends ReportFacts {
  id: string;
  url: string;
  figureCount: number;
  indexedAt: number;
  /** What the engine doubted (a heading's year disagreeing with the delivery date, …). */
  warnings: string[];
}

export type KindCounts = Record<FigureKind, number>;

/** One figure as a cell of a comparison: enough to show it, sort by it and find it again. */
export interface FigureCell {
  figureId: string;
  reportId: string;
  index: number;
  /** As printed, qualifier included ("5%左右"). */
  text: string;
  value: number;
  valueMax?: number;
  unit: string;
  qualifier: string | null;
  kind: FigureKind;
  year: number | null;
  growth: boolean;
  sentence: string;
  /** Set when the figure sets a headline indicator of the catalogue: such rows are shown first. */
  headline?: boolean;
  /** The catalogue id of the figure's indicator, when the catalogue knows it. */
  indicator?: string;
}

/**
 * `no-target`: last year's report set no target for the indicator (or it is not indexed).
 * `no-outcome`: it set one, but no indexed report gives last year's result (reports often leave
 * out an indicator's outcome, such as the deficit ratio, or the later report is not read yet).
 * `unknown`: both exist, but the target's wording does not say what counts as meeting it.
 */
import type { Position, Verdict } from '../linking';

export type TargetStatus = 'met' | 'missed' | 'unknown' | 'no-outcome' | 'no-target';

export interface ValueChange {
  absolute: number;
  relative: number | null;
  /** What this year's target is compared with: last year's target, or last year's outcome. */
  from: 'target' | 'actual';
  /** Set when the bound changed ("1200万人左右" → "1200万人以上"): the same value is then no
   * "unchanged". */
  qualifier?: { from: string | null; to: string | null };
}

/** One indicator's point for one year, for the trend chart. */
export interface TrendPoint {
  year: number;
  /** `target` for commitments; `actual` for outcomes (estimates included, flagged). */
  series: 'target' | 'actual';
  estimate: boolean;
  value: number;
  valueMax?: number;
  text: string;
  reportId: string;
}

export interface ComparisonRow {
  indicatorId: string;
  metric: string;
  unit: string;
  growth: boolean;
  /** The plan figure of this report: this year's target. */
  target: FigureCell;
  lastTarget: FigureCell | null;
  lastActual: FigureCell | null;
  status: TargetStatus;
  /** The catalogue id of the indicator, when the catalogue knows it. */
  indicator: string | null;
  /** Last year's target judged against its outcome (lib/linking/verdict.ts); null without a target. */
  verdict: Verdict | null;
  /** outcome − target (percentage points for %), and where the outcome stands. */
  gap: number | null;
  position: Position | null;
  change: ValueChange | null;
  /** Every indexed year of the indicator, oldest first. */
  trend: TrendPoint[];
}

/** The report before this one of the same region: where last year's figures would come from. */
export interface PreviousReport {
  region: string | null;
  /** The year that report plans (this report's plan year less one). */
  year: number;
  /** Its id when it is in the library, else null: then no row can have last year's figures. */
  reportId: string | null;
}

export interface ComparisonView {
  report: ReportSummary;
  counts: KindCounts;
  rows: ComparisonRow[];
  /** Null when this report's plan year is unknown. */
  previous?: PreviousReport | null;
}

/** A figure on the report page: the cell plus where it sits and what it is linked to. */
export interface FigureEntry extends FigureCell {
  section: SectionKind;
  /** The heading the figure sits under ("一、2023年工作回顾"), read from the stored text. */
  heading: string | null;
  metric: string;
  indicatorId: string | null;
  /** Where the figure starts in `sentence` (the same number may appear twice in one sentence), or
   * null when the stored offsets do not point at it. */
  at: number | null;
  /** Figures of this report linked to this one (review ↔ plan). */
  linked: { figureId: string; index: number; text: string; kind: FigureKind; year: number | null }[];
}

export interface ReportPageView extends ComparisonView {
  figures: FigureEntry[];
}

export interface LibraryView {
  reports: ReportSummary[];
}

/** A deleted report's summary, and the token that undoes the delete (the rows stay in the background). */
export interface DeletedReport {
  token: string;
  report: ReportSummary;
}

export interface ComparisonRequest {
  type: 'view/comparison';
  reportId: string;
}
export interface ReportPageRequest {
  type: 'view/report';
  /** Either the report id or an address it was seen at. */
  reportId?: string;
  url?: string;
}
export interface LibraryRequest {
  type: 'view/library';
}
export interface DeleteReportRequest {
  type: 'view/deleteReport';
  reportId: string;
}
export interface RestoreReportRequest {
  type: 'view/restoreReport';
  token: string;
}

export type ViewRequest = ComparisonRequest | ReportPageRequest | LibraryRequest | DeleteReportRequest | RestoreReportRequest;

declare module '../messages/types' {
  interface BackgroundMessages {
    'view/comparison': { request: ComparisonRequest; response: ComparisonView };
    'view/report': { request: ReportPageRequest; response: ReportPageView };
    'view/library': { request: LibraryRequest; response: LibraryView };
    'view/deleteReport': { request: DeleteReportRequest; response: DeletedReport };
    'view/restoreReport': { request: RestoreReportRequest; response: { reportId: string } };
  }
}
