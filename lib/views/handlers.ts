import type { ZhibiaoDB } from '../storage';
import { comparisonView } from './comparison';
import { deleteReport, libraryView, reportPageView, restoreReport } from './queries';
import type { ViewRequest } from './types';
import { regionsView, type RegionsRequest } from './regions';
import { memoised } from './memo';

/** Answers `view/*` requests (a Promise of the response); undefined for any other type. */
export function handleViewRequest(db: ZhibiaoDB, request: { type: string } & Record<string, unknown>): Promise<unknown> | undefined {
  if (request.type === 'view/regions') return regionsView(db, regionsRequest(request));
  const req = request as ViewRequest;
  switch (req.type) {
    case 'view/comparison':
      return memoised(db, `comparison ${req.reportId}`, () => comparisonView(db, req.reportId));
    case 'view/report':
      return reportPageView(db, req);
    case 'view/library':
      return memoised(db, 'library', () => libraryView(db));
    case 'view/deleteReport':
      return deleteReport(db, req.reportId);
    case 'view/restoreReport':
      return restoreReport(db, req.token);
    default:
      return undefined;
  }
}

/** Only the fields the query reads, each of its type; anything else in the message is dropped. */
function regionsRequest(o: { type: string } & Record<string, unknown>): Omit<RegionsRequest, 'type'> {
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined);
  const year = typeof o.year === 'number' && Number.isInteger(o.year) && o.year > 1900 && o.year < 2200 ? o.year : undefined;
  return { figureId: text(o.figureId), indicator: text(o.indicator), key: text(o.key), year };
}
