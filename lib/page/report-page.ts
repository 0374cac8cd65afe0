/**
 * One page's report state in the content script: check → read the main text → have it analysed
 * (and indexed) by the background → paint.
 *
 * Neither the engine nor Readability runs here: the page's text and HTML go to the background
 * (`index/analyse`), which finds the report's span in the text (Readability on a parsed copy of the
 * HTML), analyses it in its own thread, indexes it when it is a report, and answers with the span's
 * start, the figures (offsets into the span) and their histories; this maps the offsets to live
 * ranges and paints. Only the TextIndex is built here: it is what maps offsets to live ranges.
 * Plain DOM code; the extension wiring (messages, shadow root, card) is the entrypoint's.
 * `analyseRemote` is injected (the content script passes a function that sends `index/analyse`;
 * tests pass one that runs the engine in place), so this runs in jsdom tests too.
 */
import { publishedDate } from './published';
import { TextIndex } from '../anchoring';
import { figureAtPoint, type FigurePainter, type FigureSpan } from '../highlights';
import { MAX_PAGE_HTML, type AnalysedPage, type AnalysePageRequest, type HistoryPoint, type PageStatus } from '../messages';
import type { Analysis, Figure } from '../model';
import type { PreviousPage } from '../report';
import { hasPreviousPageLink, identityOf, nextPageUrl, previousPageFor, type ContinuationStore } from './continuation';
import { pageMayCarryReport } from './prefilter';
import { yieldToPage } from './yield';

/** A figure as placed in the live page. Positions in `ReportPage.figures` follow the page order. */
export interface PageFigure extends FigureSpan {
  /** Index into `analysis.figures` (what messages and the index call a figure's index). */
  index: number;
  figure: Figure;
  /** Points of the figure's indicator across indexed reports, once the background answered. */
  history: HistoryPoint[];
}

export interface ReportPageOptions {
  doc: Document;
  painter: FigurePainter;
  /** Has the main text analysed, and indexed when it is a report: sends `index/analyse` to the background. */
  analyseRemote: (req: AnalysePageRequest) => Promise<AnalysedPage>;
  /** Called when figures, histories or the detection changed (re-render open cards). */
  onChange?: () => void;
  url?: () => string;
  /** Remembers this tab's last report and recalls it on its next page (lib/page/continuation). */
  continuation?: ContinuationStore;
}

/**
 * The page's HTML for the background's Readability, when not too long (its text alone is then
 * analysed whole). Serialising is a few milliseconds on a long report; parsing it is the
 * background's.
 */
function pageHtml(doc: Document): { html?: string } {
  const html = doc.documentElement?.outerHTML;
  return html !== undefined && html.length <= MAX_PAGE_HTML ? { html } : {};
}

export class ReportPage {
  detected = false;
  analysis: Analysis | null = null;
  figures: PageFigure[] = [];
  reportId: string | null = null;
  /** Why indexing failed, or the background did not answer, when it did (the page stays painted). */
  indexError: string | null = null;
  /** The text sent (the page's whole TextIndex text); the analysis read its slice from `textStart`. */
  text = '';
  private textStart = 0;
  /** Whether `analysis` holds the figures (a report, or a forced run): else only the verdict came back. */
  private complete = false;
  private index: TextIndex | null = null;
  private running: Promise<PageStatus> | null = null;
  /** Past the cheap check in the current run: the page is being read and analysed. */
  private analysing = false;
  /** The report this page continues, recalled once per address. */
  private previous: { url: string; page: PreviousPage | null } | null = null;

  constructor(private readonly options: ReportPageOptions) {}

  private get doc(): Document {
    return this.options.doc;
  }

  private url(): string {
    return this.options.url?.() ?? this.doc.location?.href ?? '';
  }

  status(): PageStatus {
    return {
      detected: this.detected,
      reportId: this.reportId,
      analysing: this.analysing,
      figureCount: this.figures.length,
      title: this.doc.title ?? '',
      url: this.url(),
    };
  }

  /**
   * Checks and (when it may be a report) analyses the page. `force` skips the cheap check and
   * paints the figures even when the detector says no (the toolbar's "analyse this page").
   * Runs one at a time; a call during a run waits for it and then runs again.
   */
  async run(force = false): Promise<PageStatus> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.runOnce(force);
    try {
      await this.running;
    } finally {
      this.running = null;
      this.analysing = false;
    }
    return this.status();
  }

  private async runOnce(force: boolean): Promise<PageStatus> {
    const doc = this.doc;
    // The content script's own setup ran in this task; the check, the text index, the placing and
    // the painting each get a task of their own.
    await yieldToPage();
    // A page deep in a paginated report may fail the cheap check; it still continues the report
    // its previous page left for this tab (asked only on pages that link back to a previous page).
    if (!force && !this.detected && !pageMayCarryReport(doc).mayBeReport && !(hasPreviousPageLink(doc) && (await this.previousPage()))) {
      return this.status();
    }
    const root = doc.body ?? doc.documentElement;
    if (!root) return this.status();
    this.analysing = true;
    await yieldToPage();
    const index = await TextIndex.fromElementInSlices(root, yieldToPage);
    const text = index.text;

    // The same text again (a mutation elsewhere in the page): the answer in hand still holds,
    // unless the reader now asks for the figures of a page whose answer left them out.
    const sameText = this.analysis !== null && text === this.text && (this.complete || !force);
    let answer: AnalysedPage | null = null;
    if (!sameText) {
      await yieldToPage();
      const continues = (await this.previousPage()) ?? undefined;
      const published = publishedDate(doc) ?? undefined;
      const req: AnalysePageRequest = {
        type: 'index/analyse',
        text,
        ...pageHtml(doc),
        title: doc.title ?? '',
        ...(published && { published }),
        ...(continues && { continues }),
        ...(force && { force }),
      };
      try {
        answer = await this.options.analyseRemote(req);
      } catch (err) {
        // No background (the extension was updated or reloaded): what is painted stays as it is.
        this.indexError = err instanceof Error ? err.message : String(err);
        return this.status();
      }
      await yieldToPage();
    }
    const analysis = answer?.analysis ?? this.analysis!;
    const start = answer ? answer.start : this.textStart;
    this.index = index;
    this.text = text;
    this.textStart = start;
    this.analysis = analysis;
    this.detected = analysis.report.isReport;
    if (answer) {
      // Another text (a single-page app moved on, the report was edited) is another report: the
      // answer's id, or none, replaces the old one.
      this.reportId = answer.reportId;
      this.indexError = answer.indexError;
      this.complete = this.detected || force;
    } else if (!this.detected) this.reportId = null;

    if (!this.detected && !force) {
      this.setFigures([]);
      return this.status();
    }
    const histories = answer ? new Map(answer.figures.map((f) => [f.index, f.history])) : new Map(this.figures.map((f) => [f.index, f.history]));
    const placed: PageFigure[] = [];
    analysis.figures.forEach((figure, i) => {
      let range: Range | null = null;
      try {
        range = index.rangeFor(start + figure.start, start + figure.end);
      } catch {
        // The page changed its text while the background read it (the text watch will run again).
      }
      if (!range || range.collapsed) return;
      placed.push({ index: i, figure, start: start + figure.start, end: start + figure.end, range, history: histories.get(i) ?? [] });
    });
    placed.sort((a, b) => a.start - b.start);
    await yieldToPage();
    this.setFigures(placed);

    if (this.detected && answer) this.rememberIdentity(analysis);
    return this.status();
  }

  /** Page 1's identity when the reader came from it (asked once per address; failures mean none). */
  private async previousPage(): Promise<PreviousPage | null> {
    const store = this.options.continuation;
    if (!store) return null;
    const url = this.url();
    if (this.previous?.url !== url) {
      let page: PreviousPage | null = null;
      try {
        page = previousPageFor(await store.recall(), url);
      } catch {
        // No background or no session storage: the page stands on its own evidence.
      }
      this.previous = { url, page };
    }
    return this.previous.page;
  }

  private rememberIdentity(analysis: Analysis): void {
    const store = this.options.continuation;
    if (!store) return;
    const url = this.url();
    const identity = identityOf(analysis, url, nextPageUrl(this.doc, url));
    if (identity) store.remember(identity).catch(() => undefined);
  }

  private setFigures(figures: PageFigure[]): void {
    this.figures = figures;
    if (figures.length > 0) this.options.painter.paint(figures.map((f) => ({ kind: f.figure.kind, range: f.range })));
    else this.options.painter.clear();
    this.options.onChange?.();
  }

  /** Position (in `figures`) of the figure with this analysis index, or -1. */
  positionOf(index: number): number {
    return this.figures.findIndex((f) => f.index === index);
  }

  /** Position of the figure under a viewport point, or null. */
  figureAt(x: number, y: number): number | null {
    if (!this.index || this.figures.length === 0) return null;
    return figureAtPoint(this.doc, x, y, this.index, this.figures);
  }

  /** The figures of this report linked to figure `index` (analysis indexes), with their role. */
  linkedTo(index: number): { figure: Figure; index: number; role: 'review' | 'plan' }[] {
    const analysis = this.analysis;
    if (!analysis) return [];
    const out: { figure: Figure; index: number; role: 'review' | 'plan' }[] = [];
    for (const link of analysis.links) {
      if (link.to === index && analysis.figures[link.from]) out.push({ figure: analysis.figures[link.from], index: link.from, role: 'review' });
      if (link.from === index && analysis.figures[link.to]) out.push({ figure: analysis.figures[link.to], index: link.to, role: 'plan' });
    }
    return out;
  }

  clear(): void {
    this.detected = false;
    this.analysis = null;
    this.text = '';
    this.setFigures([]);
  }
}
