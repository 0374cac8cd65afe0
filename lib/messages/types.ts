/**
 * The messages between content scripts, extension pages and the background, by owner prefix:
 *
 * - `index/*`  answered by the background's engine and index (lib/storage), sent by content scripts and pages;
 * - `view/*`   answered by `handleViewRequest` (lib/views), extension pages only;
 * - `notes/*`  answered by `handleNoteRequest` (lib/notes-handler), content scripts and pages;
 * - `page/*`   sent by extension pages to a tab's content script, answered there.
 *
 * Every answer travels in a `Envelope`: `{ok: true, value}` or `{ok: false, error}`, so a storage
 * failure or a rejected message reaches the caller as a readable message instead of `undefined`.
 *
 * Types are tied to responses through `BackgroundMessages` / `PageMessages` (type → {request,
 * response}). Other owners add their `view/*` or `notes/*` entries by module augmentation, so the
 * typed client knows their responses without this folder importing theirs:
 *
 *   declare module '../messages/types' {
 *     interface BackgroundMessages {
 *       'view/library': { request: LibraryRequest; response: LibraryPage };
 *     }
 *   }
 */
import type { Analysis, FigureKind } from '../model';
import type { PreviousPage } from '../report';

// ---------------------------------------------------------------- index/*

/**
 * Sent by the content script with its page's main text: the background runs the engine on it (in
 * its own thread, never the page's), indexes it when it is a report, and answers with what the page
 * paints and explains. The page never sends an analysis: what is stored is what the background read.
 */
/**
 * The longest page HTML (UTF-16 units) sent with `index/analyse`; a longer page sends none and its
 * whole text is analysed. 5 MB is ~10× the Guangdong 2025 report page (the longest read so far).
 */
export const MAX_PAGE_HTML = 5_000_000;

export interface AnalysePageRequest {
  type: 'index/analyse';
  /** The page's text; the answer's offsets point into its slice from `AnalysedPage.start`. */
  text: string;
  /**
   * The page's HTML (at most MAX_PAGE_HTML), untrusted: the background parses an inert copy of it to
   * find where the report lies in `text` (Readability), off the page's thread. Without it the whole
   * text is analysed.
   */
  html?: string;
  title: string;
  /** The date the page states it was published, YYYY-MM-DD (lib/page/published.ts). */
  published?: string;
  /** The report whose next page this is, when the reader came from it (lib/page/continuation.ts). */
  continues?: PreviousPage;
  /** The reader asked for this page ("analyse this page"): answer with its figures even when it is not a report. */
  force?: boolean;
  /** The address, from extension pages only: a content script's is its frame's, as the browser reports it. */
  url?: string;
}

export interface AnalysedPage {
  /** Where the analysed text (the report's span) starts in the text sent; it ends at `end`. */
  start: number;
  end: number;
  /** The engine's reading of `text.slice(start, end)`. Not a report and not forced: no figures, sections or links. */
  analysis: Analysis;
  /** The indexed report, when the text is one and the index took it. */
  reportId: string | null;
  /** One entry per figure of `analysis` once indexed, in the same order; else empty. */
  figures: FigureHistory[];
  /** Why a report was not indexed (too many new texts, storage full); the page still paints it. */
  indexError: string | null;
}

/** One point of a figure's indicator history, from any indexed report of the same region. */
export interface HistoryPoint {
  reportId: string;
  /** `${reportId}:${figureIndex}` */
  figureId: string;
  figureIndex: number;
  year: number;
  kind: FigureKind;
  value: number;
  valueMax?: number;
  qualifier: string | null;
  unit: string;
  /** The figure as printed. */
  text: string;
  /** Where the report was last seen. */
  url: string;
  reportTitle: string | null;
  region: string | null;
  /** Other copies of the same year's report (another site's text) that print another value here. */
  disputed?: Array<{ text: string; url: string }>;
}

export interface FigureHistory {
  /** Index into the report's `Analysis.figures`. */
  index: number;
  /** `${region}|${key}|${unit}`, or null when the figure has no region, year or series. */
  indicatorId: string | null;
  /** Every point of the indicator across indexed reports of the region (this report's included),
   * sorted by year, then kind (target, estimate, actual, baseline: the commitment before what came of it). Empty when indicatorId is null. */
  history: HistoryPoint[];
}

export interface IndexedReport {
  reportId: string;
  /** One entry per figure of the report's analysis, in the same order. */
  figures: FigureHistory[];
}

export interface ReportForUrlRequest {
  type: 'index/reportForUrl';
  url: string;
}

export interface HistoryRequest {
  type: 'index/history';
  reportId: string;
  index: number;
}

export type IndexRequest = AnalysePageRequest | ReportForUrlRequest | HistoryRequest;

export interface IndexMessages {
  'index/analyse': { request: AnalysePageRequest; response: AnalysedPage };
  'index/reportForUrl': { request: ReportForUrlRequest; response: { reportId: string | null } };
  'index/history': { request: HistoryRequest; response: FigureHistory };
}

// ---------------------------------------------------------------- page/* (extension page → tab)

export interface PageStatusRequest {
  type: 'page/status';
}

export interface PageStatus {
  detected: boolean;
  /** The indexed report id, once the page was indexed. */
  reportId: string | null;
  /**
   * The page's text is with the background and its answer not back yet: whether the page is a
   * report is not known, so a popup opened now waits instead of calling it undetected.
   */
  analysing?: boolean;
  figureCount: number;
  title: string;
  url: string;
}

/** Run the engine on the page now (also on pages that were not detected as reports). */
export interface PageAnalyseRequest {
  type: 'page/analyse';
}

/** Scroll to figure `index` of the page's analysis and open its card. */
export interface PageShowFigureRequest {
  type: 'page/showFigure';
  index: number;
}

export type PageRequest = PageStatusRequest | PageAnalyseRequest | PageShowFigureRequest;

export interface PageMessages {
  'page/status': { request: PageStatusRequest; response: PageStatus };
  /** Answers with the status after analysis. */
  'page/analyse': { request: PageAnalyseRequest; response: PageStatus };
  /** True when the figure exists and was shown. */
  'page/showFigure': { request: PageShowFigureRequest; response: boolean };
}

// ---------------------------------------------------------------- maps and envelopes

/** Every message the background answers, by type. `view/*` and `notes/*` owners extend it. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BackgroundMessages extends IndexMessages {}

export type BackgroundRequest = BackgroundMessages[keyof BackgroundMessages]['request'];

/** The response type of a request, looked up by its `type` in a message map. */
export type ResponseIn<M, T extends { type: string }> = T extends { type: infer K }
  ? K extends keyof M
    ? M[K] extends { response: infer R }
      ? R
      : never
    : never
  : never;

export type ResponseOf<T extends BackgroundRequest> = ResponseIn<BackgroundMessages, T>;
export type PageResponseOf<T extends PageRequest> = ResponseIn<PageMessages, T>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };
