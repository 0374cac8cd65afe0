import type { IndexMessages, IndexRequest } from '../messages';
import type { ZhibiaoDB } from './db';
import { indexReport } from './index-report';
import { historyFor, reportForUrl } from './queries';

type IndexResponse = IndexMessages[keyof IndexMessages]['response'];

/** Answers a validated `index/*` request. */
export function handleIndexRequest(db: ZhibiaoDB, req: IndexRequest): Promise<IndexResponse> {
  switch (req.type) {
    case 'index/report':
      return indexReport(db, req);
    case 'index/reportForUrl':
      return reportForUrl(db, req.url).then((reportId) => ({ reportId }));
    case 'index/history':
      return historyFor(db, req.reportId, req.index);
  }
}
