/**
 * Which figure a note on a figure means. A figure's id (`${reportId}:${index}`) is only a place
 * in one analysis: a newer engine that finds two more figures shifts every index after them, and
 * an edited page is another report. So a note keeps its figure by what the reader saw — the
 * figure's text (the note's quote) and where it stood (its position selector) — and is matched
 * again by those: the figure with the same text nearest to the old position, or none. A note
 * never shows another figure's value.
 */
import type { NoteRow } from './db';

interface FigureLike {
  index: number;
  start: number;
  text: string;
}

/** Where the note's passage started in its page's text, when the note recorded it. */
function positionOf(note: Pick<NoteRow, 'selectors'>): number | null {
  for (const s of note.selectors) if (s.type === 'TextPositionSelector') return s.start;
  return null;
}

/** The figure of `figures` the note is about: same printed text, nearest to where it stood. */
export function matchFigure<F extends FigureLike>(note: Pick<NoteRow, 'selectors' | 'quote'>, figures: readonly F[]): F | null {
  const at = positionOf(note);
  let best: F | null = null;
  for (const f of figures) {
    if (f.text !== note.quote) continue;
    if (!best || (at !== null && Math.abs(f.start - at) < Math.abs(best.start - at))) best = f;
  }
  return best;
}
