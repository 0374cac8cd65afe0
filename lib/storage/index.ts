/** The local index: Dexie schema, indexing and queries. Background and extension pages only. */
export { ZhibiaoDB } from './db';
export type { ReportRow, FigureRow, IndicatorRow, LinkRow, NoteRow, Selector } from './db';
export { indexReport, relinkRegion, StorageError, MAX_REGION_REPORTS, figureOfRow, reportInfoOfRow } from './index-report';
export type { ReportInput } from './index-report';
export { historyFor, indexedReportOf, reportForUrl } from './queries';
export { handleIndexRequest } from './handlers';
export { analysePage } from './analyse-page';
export { reportIdFor } from './report-id';
export { pageUrl } from '../address';
export { requestPersistentStorage } from './persist';
