/** lib/export: what the rest of the project uses of it. */
export { UTF8_BOM, compareRecord, csvCell, extractRecord, figuresToCsv, figuresToMarkdown, sectionOf, seriesToCsv, seriesToMarkdown } from './figures';
export type { ReportExport, ReportFile } from './report';
export { exportNotes } from './notes';
