/**
 * One imported text into the local index, exactly as a visited page is indexed (lib/storage
 * indexReport: one transaction, so a failure adds nothing). Used by the background for files
 * imported on the library page and PDFs read from a tab, and by `zhibiao pack`, which builds its
 * library file through the same code.
 */
import { analyseReport } from '../analysis';
import type { Analysis } from '../model';
import type { ZhibiaoDB } from '../storage';
import { indexReport } from '../storage';
import { reportIdFor } from '../storage';
import { sourceUrl } from './source';

export interface ImportText {
  /** A file name (stored as a file:/// address) or the http(s) address a PDF was read from. */
  source: string;
  text: string;
  /** The document's own title (an HTML <title>, PDF metadata), when it has one. */
  title?: string;
  /** The address an HTML file names for itself (canonical link), a hint for the metadata. */
  url?: string;
}

export type ImportOutcome =
  | { status: 'added'; reportId: string; figureCount: number }
  | { status: 'exists'; reportId: string }
  | { status: 'not-report'; score: number; figureCount: number };

/** The analysis every importer runs: the same call, with the same hints, as the CLI's. */
function analyseImport(input: ImportText): Analysis {
  return analyseReport(input.text, { title: input.title, url: input.url ?? (/^https?:/i.test(input.source) ? input.source : undefined) });
}

export async function importText(db: ZhibiaoDB, input: ImportText, analysis: Analysis = analyseImport(input)): Promise<ImportOutcome> {
  if (!analysis.report.isReport) return { status: 'not-report', score: analysis.report.score, figureCount: analysis.figures.length };
  const id = await reportIdFor(input.text);
  if (await db.reports.get(id)) return { status: 'exists', reportId: id };
  const indexed = await indexReport(db, { url: sourceUrl(input.source), title: input.title ?? input.source, text: input.text, analysis });
  return { status: 'added', reportId: indexed.reportId, figureCount: analysis.figures.length };
}
