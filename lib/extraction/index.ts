import type { Figure, Section } from '../model';
import type { ReportMeta } from '../report';

export interface ExtractContext {
  sections: Section[];
  meta: ReportMeta;
}

/** Placeholder until extraction lands. */
export function extractFigures(_text: string, _context: ExtractContext): Figure[] {
  return [];
}
