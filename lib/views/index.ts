export { handleViewRequest } from './handlers';
export { buildComparisonRows, buildTrend, comparisonView } from './comparison';
export { reportPageView, libraryView, deleteReport, restoreReport, reportIdForUrl } from './queries';
export { textFragmentUrl } from './fragment';
export { encodeFragmentTerm } from '../address';
export { findHeadings, headingAt } from './headings';
export type * from './types';
