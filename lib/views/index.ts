export { handleViewRequest } from './handlers';
export { comparisonView } from './comparison';
export { reportPageView, libraryView, deleteReport, restoreReport } from './queries';
export { textFragmentUrl } from './fragment';
export { findHeadings, headingAt } from './headings';
export type * from './types';
export { regionsView } from './regions';
export type { RegionsView, RegionRow, RegionsRequest } from './regions';
export type {
  ComparisonRow,
  ComparisonView,
  DeletedReport,
  FigureCell,
  FigureEntry,
  KindCounts,
  PreviousReport,
  ReportPageView,
  ReportSummary,
  TargetStatus,
  TrendPoint,
  ValueChange,
} from './types';
export { isOpenRegions, regionsAddress } from './open';
