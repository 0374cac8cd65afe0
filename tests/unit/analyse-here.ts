/**
 * `analyseRemote` for ReportPage tests: the background's answer to `index/analyse`, made here.
 *
 * `analyseHere` finds the report's span from the HTML sent (the background's own finder: Readability on
 * linkedom's parsed copy) and runs the engine in place, and gives reports a fixed id, without histories (no
 * index); `throughBackground` sends the request as the content script does, through the
 * background's router (checks, the sender's address, the engine, the index) into `db`.
 */
import { analyseReport } from '../../lib/analysis';
import type { AnalysedPage, AnalysePageRequest, Envelope } from '../../lib/messages/types';
import type { ZhibiaoDB } from '../../lib/storage/db';
import { answerMessage } from '../../entrypoints/background/route';
import { backgroundSpanFinder } from '../../entrypoints/background/span-finder';

/** The background's own span finder (linkedom's parse, Readability), run in place. */
export const findSpanHere = backgroundSpanFinder;

export const HERE_REPORT_ID = 'c0ffee00c0ffee00';

export function analyseHere(url = 'http://127.0.0.1/r.html'): (req: AnalysePageRequest) => Promise<AnalysedPage> {
  return async (req) => {
    const { start, end } = req.html === undefined ? { start: 0, end: req.text.length } : findSpanHere(req.html, req.text);
    const analysis = analyseReport(req.text.slice(start, end), { title: req.title, url, published: req.published, continues: req.continues });
    if (!analysis.report.isReport) {
      return {
        start,
        end,
        analysis: req.force ? analysis : { ...analysis, sections: [], figures: [], links: [] },
        reportId: null,
        figures: [],
        indexError: null,
      };
    }
    return {
      start,
      end,
      analysis,
      reportId: HERE_REPORT_ID,
      figures: analysis.figures.map((_, index) => ({ index, indicatorId: null, history: [] })),
      indexError: null,
    };
  };
}

export function throughBackground(db: ZhibiaoDB, url: () => string): (req: AnalysePageRequest) => Promise<AnalysedPage> {
  return async (req) => {
    // Messages are structured-cloned on their way: nothing but data reaches the background.
    const answer = (await answerMessage(db, structuredClone(req), { kind: 'content', url: url() }, findSpanHere)) as Envelope<AnalysedPage>;
    if (!answer.ok) throw new Error(answer.error);
    return answer.value;
  };
}
