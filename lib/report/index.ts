import type { Detection, ReportInfo, Section } from '../model';

export type ReportMeta = Omit<ReportInfo, keyof Detection>;

/** Placeholder until metadata reading lands. */
export function readReportMeta(_text: string, _hints: { title?: string; url?: string } = {}): ReportMeta {
  return { title: null, region: null, level: null, delivered: null, planYear: null, reviewYear: null, warnings: [] };
}

/** Placeholder until section finding lands. */
export function findSections(_text: string, _meta: ReportMeta): Section[] {
  return [];
}
