import type { IndexMessages, IndexRequest } from '../messages';
import type { ZhibiaoDB } from './db';
import { analysePage, type SpanFinder } from './analyse-page';
import { historyFor, reportForUrl } from './queries';

type IndexResponse = IndexMessages[keyof IndexMessages]['response'];

/** Answers a validated `index/*` request. */
export function handleIndexRequest(db: ZhibiaoDB, req: IndexRequest, findSpan?: SpanFinder): Promise<IndexResponse> {
  switch (req.type) {
    case 'index/analyse':
      if (req.url === undefined) return Promise.reject(new Error('"index/analyse" needs the address of the text'));
      return analysePage(db, { ...req, url: req.url }, Date.now(), findSpan);
    case 'index/reportForUrl':
      return reportForUrl(db, req.url).then((reportId) => ({ reportId }));
    case 'index/history':
      return historyFor(db, req.reportId, req.index);
  }
}
