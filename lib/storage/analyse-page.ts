/**
 * `index/analyse`: a page's main text in; the engine's reading of it, and for a report its place in
 * the index and every figure's history, out.
 *
 * Why here: the engine is hundreds of milliseconds on a long report, and in the page it was one
 * more long task on the reader's main thread; the background runs in its own thread (a service
 * worker in Chromium). It also makes the background the one source of what is stored: it analyses
 * the text itself, so no page can store figures it made up, only text, which is what it shows anyway.
 *
 * A text the engine does not take for a report is not indexed. Asked for it (`force`, the toolbar's
 * "analyse this page"), the figures come back to be painted; otherwise only the verdict does. A
 * report the index refuses (a page changing its text too often, storage full) still comes back to
 * be painted, with the reason.
 *
 * Which part of the text is the report: the page sends its whole text and its HTML; `findSpan`
 * (the background's: Readability on a parsed copy of the HTML, lib/page/parsed-span.ts) names the
 * span, and only that span is analysed and stored. Without HTML or a finder, or when the finder
 * fails, the whole text is.
 */
import { analyseReport } from '../analysis';
import { describeError } from '../messages';
import type { AnalysedPage, AnalysePageRequest } from '../messages';
import type { ZhibiaoDB } from './db';
import { indexReport } from './index-report';

/** Finds the report's span in `text` from the page's `html`; the whole text when it finds none. */
export type SpanFinder = (html: string, text: string) => { start: number; end: number };

function reportSpan(req: AnalysePageRequest, findSpan: SpanFinder | undefined): { start: number; end: number } {
  const whole = { start: 0, end: req.text.length };
  if (req.html === undefined || !findSpan) return whole;
  try {
    const span = findSpan(req.html, req.text);
    // Only a span inside the text is taken: a finder that errs costs the span, never the analysis.
    const valid = Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= req.text.length && span.end > span.start;
    return valid ? { start: span.start, end: span.end } : whole;
  } catch {
    return whole;
  }
}

export async function analysePage(db: ZhibiaoDB, req: AnalysePageRequest & { url: string }, now = Date.now(), findSpan?: SpanFinder): Promise<AnalysedPage> {
  const { start, end } = reportSpan(req, findSpan);
  const text = start === 0 && end === req.text.length ? req.text : req.text.slice(start, end);
  const analysis = analyseReport(text, { title: req.title, url: req.url, published: req.published, continues: req.continues });
  if (!analysis.report.isReport) {
    const answer = req.force ? analysis : { ...analysis, sections: [], figures: [], links: [] };
    return { start, end, analysis: answer, reportId: null, figures: [], indexError: null };
  }
  try {
    const indexed = await indexReport(db, { url: req.url, title: req.title, text, analysis }, now);
    return { start, end, analysis, reportId: indexed.reportId, figures: indexed.figures, indexError: null };
  } catch (err) {
    return { start, end, analysis, reportId: null, figures: [], indexError: describeError(err) };
  }
}
