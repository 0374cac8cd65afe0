import type { ZhibiaoDB } from '../storage/db';
import { comparisonView } from './comparison';
import { deleteReport, libraryView, reportPageView, restoreReport } from './queries';
import type { ViewRequest } from './types';

/** Answers `view/*` requests (a Promise of the response); undefined for any other type. */
export function handleViewRequest(db: ZhibiaoDB, request: { type: string }): Promise<unknown> | undefined {
  const req = request as ViewRequest;
  switch (req.type) {
    case 'view/comparison':
      return comparisonView(db, req.reportId);
    case 'view/report':
      return reportPageView(db, req);
    case 'view/library':
      return libraryView(db);
    case 'view/deleteReport':
      return deleteReport(db, req.reportId);
    case 'view/restoreReport':
      return restoreReport(db, req.token);
    default:
      return undefined;
  }
}
