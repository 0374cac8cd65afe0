/** The local index: Dexie schema, indexing and queries. Background and extension pages only. */
export { ZhibiaoDB } from './db';
export type { ReportRow, FigureRow, IndicatorRow, LinkRow, NoteRow, Selector } from './db';
export { indexReport } from './index-report';
export { historyFor, reportForUrl } from './queries';
export { handleIndexRequest } from './handlers';
export type { SpanFinder } from './analyse-page';
export { reportIdFor } from './report-id';
export { requestPersistentStorage } from './persist';
export type { ReportWithText } from './db';
export { MAX_REPORT_ADDRESSES } from './index-report';
export { shelve, unshelve } from './undo';
export { matchFigure } from './figure-match';
