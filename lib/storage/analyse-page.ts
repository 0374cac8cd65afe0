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
 */
import { analyseReport } from '../analysis';
import { describeError } from '../messages';
import type { AnalysedPage, AnalysePageRequest } from '../messages';
import type { ZhibiaoDB } from './db';
import { indexReport } from './index-report';

export async function analysePage(db: ZhibiaoDB, req: AnalysePageRequest & { url: string }, now = Date.now()): Promise<AnalysedPage> {
  const analysis = analyseReport(req.text, { title: req.title, url: req.url, published: req.published, continues: req.continues });
  if (!analysis.report.isReport) {
    const answer = req.force ? analysis : { ...analysis, sections: [], figures: [], links: [] };
    return { analysis: answer, reportId: null, figures: [], indexError: null };
  }
  try {
    const indexed = await indexReport(db, { url: req.url, title: req.title, text: req.text, analysis }, now);
    return { analysis, reportId: indexed.reportId, figures: indexed.figures, indexError: null };
  } catch (err) {
    return { analysis, reportId: null, figures: [], indexError: describeError(err) };
  }
}
