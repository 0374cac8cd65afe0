/**
 * The notes of one page, re-attached to its current text: which notes were found (with their DOM
 * ranges and how they were found) and which were not. Plain DOM, so the content script and jsdom
 * tests share it.
 */
import { anchor, describe, type Anchored } from '../anchoring';
import { caretOffsetAt } from '../highlights';
import type { TextIndex } from '../anchoring';
import type { NoteRow, Selector } from '../storage';

export interface AttachedNote {
  note: NoteRow;
  start: number;
  end: number;
  range: Range;
  method: Anchored['method'];
  exact: boolean;
}

export interface PageAnchoring {
  attached: AttachedNote[];
  detached: NoteRow[];
}

export function anchorNotes(notes: NoteRow[], index: TextIndex): PageAnchoring {
  const attached: AttachedNote[] = [];
  const detached: NoteRow[] = [];
  for (const note of notes) {
    const found = anchor(note.selectors, index);
    if (found && !found.range.collapsed) {
      attached.push({ note, start: found.start, end: found.end, range: found.range, method: found.method, exact: found.exact });
    } else detached.push(note);
  }
  attached.sort((a, b) => a.start - b.start);
  return { attached, detached };
}

/** Selectors and quote for a reader's selection, or null when it holds no page text. */
export function describeSelection(range: Range, index: TextIndex): { selectors: Selector[]; quote: string } | null {
  const selectors = describe(range, index);
  if (!selectors) return null;
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!quote || quote.type !== 'TextQuoteSelector' || !quote.exact.trim()) return null;
  return { selectors, quote: quote.exact };
}

function rectsContain(range: Range, x: number, y: number): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/**
 * The attached note under a viewport point (the shortest, when notes overlap: the inner one is
 * the one the reader can aim at). The caret offset narrows candidates; rects confirm, because the
 * caret snaps to the nearest character even over blank margins.
 */
export function noteAtPoint(attached: AttachedNote[], doc: Document, x: number, y: number, index: TextIndex): AttachedNote | null {
  const offset = caretOffsetAt(doc, x, y, index);
  const candidates = attached.filter((a) => (offset === null || (offset >= a.start && offset <= a.end)) && rectsContain(a.range, x, y));
  candidates.sort((a, b) => a.end - a.start - (b.end - b.start));
  return candidates[0] ?? null;
}
