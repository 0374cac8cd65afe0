/**
 * Which figure is under the pointer: the caret position at the point (caretPositionFromPoint, or
 * WebKit/Blink's caretRangeFromPoint) gives a text offset through the TextIndex; a binary search
 * over the figures' spans gives the candidate; the candidate's client rects confirm the pointer
 * really is on it (the caret snaps to the nearest character even over blank margins).
 * Without caret APIs, the figures' rects are scanned.
 */
import type { TextIndex } from '../anchoring';

export interface FigureSpan {
  start: number;
  end: number;
  range: Range;
}

interface CaretDocument {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
}

/** The text offset of the caret position at a viewport point, or null. */
export function caretOffsetAt(doc: Document, x: number, y: number, index: TextIndex): number | null {
  const d = doc as unknown as CaretDocument;
  let node: Node | null = null;
  let offset = 0;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint(x, y);
    if (pos) ({ offsetNode: node, offset } = pos);
  } else if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    if (range) ({ startContainer: node, startOffset: offset } = range);
  }
  return node ? index.offsetOf(node, offset) : null;
}

function contains(range: Range, x: number, y: number, slack = 1): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i];
    if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack) return true;
  }
  return false;
}

/** Index of the first span whose end is after `offset` (spans sorted by start, not overlapping). */
function spanAt(spans: FigureSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end > offset) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

/** The figure (index into `spans`) at a viewport point, or null. `spans` are sorted by start. */
export function figureAtPoint(doc: Document, x: number, y: number, index: TextIndex, spans: FigureSpan[]): number | null {
  const offset = caretOffsetAt(doc, x, y, index);
  if (offset !== null) {
    // The caret sits before the character under the pointer's left half and after it for the
    // right half: try the span holding `offset` and the one ending at it.
    for (const candidate of [spanAt(spans, offset), spanAt(spans, offset - 1)]) {
      if (candidate < 0) continue;
      const span = spans[candidate];
      if (span.start <= offset && offset <= span.end && contains(span.range, x, y)) return candidate;
    }
    return null;
  }
  for (let i = 0; i < spans.length; i++) if (contains(spans[i].range, x, y)) return i;
  return null;
}
