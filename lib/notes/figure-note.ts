/**
 * Notes on a detected figure, for the figure card. Two ways in:
 *
 * 1. The card's "Note on this figure" opens the reader's note editor on the figure
 *    (lib/page/notes-in-page.ts `noteOnRange(range, { reportId, figureIndex })`, the same content
 *    script): the reader types the note and tags in the same editor as any other note.
 *
 * 2. Save a note directly (no editor): `figureNoteRequest` builds the `notes/create` request the
 *    background answers like any other note:
 *
 *      const req = figureNoteRequest({ url: location.href, pageTitle: document.title, reportId,
 *        figureIndex, range, index, body: '口径变了, 见统计公报', tags: ['口径'] });
 *      if (req) await client.request(req);   // answers the saved NoteRow
 *
 * Either way the note anchors to the figure's own text with its context, so it re-attaches like a
 * selection note and is listed with the figure's value, unit and kind on the notes page.
 */
import { describe, describeOffsets } from '../anchoring';
import type { TextIndexLike } from '../anchoring/types';
import type { NoteRequest } from './requests';

export interface FigureNoteSource {
  url: string;
  pageTitle: string;
  reportId: string;
  /** The figure's position in the report's analysis: its id is `${reportId}:${figureIndex}`. */
  figureIndex: number;
  /** The figure's text in the page: a DOM range through `index`, or offsets into `index.text`. */
  range?: Range;
  offsets?: { start: number; end: number };
  index: TextIndexLike | { text: string };
  body: string;
  tags: string[];
}

export function figureId(reportId: string, figureIndex: number): string {
  return `${reportId}:${figureIndex}`;
}

/** The request that saves a note on the figure, or null when its text cannot be located. */
export function figureNoteRequest(src: FigureNoteSource): Extract<NoteRequest, { type: 'notes/create' }> | null {
  let selectors = null;
  if (src.range && 'offsetsOf' in src.index) selectors = describe(src.range, src.index);
  else if (src.offsets && src.offsets.end > src.offsets.start) selectors = describeOffsets(src.index.text, src.offsets.start, src.offsets.end);
  if (!selectors) return null;
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!quote || quote.type !== 'TextQuoteSelector') return null;
  return {
    type: 'notes/create',
    note: {
      url: src.url,
      pageTitle: src.pageTitle,
      reportId: src.reportId,
      figureId: figureId(src.reportId, src.figureIndex),
      selectors,
      quote: quote.exact,
      body: src.body,
      tags: src.tags,
    },
  };
}
