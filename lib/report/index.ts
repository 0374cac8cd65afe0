/**
 * Report metadata and structure: who delivered the report, when, which years it reviews and plans,
 * and where its review and plan parts lie. Both functions take normalised text (lib/text/normalize).
 */
export { readReportMeta, findTitleLine, type ReportMeta, type PreviousPage } from './meta';
export { findSections } from './sections';
export { findHeadings } from './headings';
export { reportLabel } from './name';
export { yearFromPhrase } from './plan-year';
