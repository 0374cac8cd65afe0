/**
 * Where a figure's card goes. The card explains a figure, so it must never cover the figure nor
 * the line it stands on (the reader reads the sentence around it). In order of preference:
 *
 * 1. beside the text, in the right margin, when the margin holds the whole card width (the
 *    column's right edge is passed in; lines never reach into the margin);
 * 2. the same in the left margin;
 * 3. below the figure's lines, when the card fits there whole; else above them;
 * 4. else on the side with more room, with its height cut to that room (the card scrolls inside).
 *
 * Always inside the viewport with a margin. Pure geometry: boxes in, a position out.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface CardPlacement {
  left: number;
  top: number;
  /** Set when the card must be shorter than it would be to fit beside its figure. */
  maxHeight?: number;
  side: 'right' | 'left' | 'below' | 'above';
}

export interface PlacementInput {
  /** The figure's box (all its lines). */
  anchor: Box;
  /** The left and right edges of the text column the figure stands in; the anchor's own when unknown. */
  column?: { left: number; right: number };
  card: { width: number; height: number };
  viewport: { width: number; height: number };
}

const GAP = 8;
const MARGIN = 8;
/** Below this, a card squeezed above or below its figure is too short to read. */
const MIN_HEIGHT = 120;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));

export function placeCard({ anchor, column, card, viewport }: PlacementInput): CardPlacement {
  const col = column ?? { left: anchor.left, right: anchor.left + anchor.width };
  const maxH = viewport.height - 2 * MARGIN;
  const height = Math.min(card.height, maxH);
  // Beside: level with the figure, moved up or down only as far as the window demands.
  const besideTop = clamp(anchor.top - 12, MARGIN, viewport.height - MARGIN - height);
  const beside = (left: number, side: 'right' | 'left'): CardPlacement => ({
    left,
    top: besideTop,
    side,
    ...(card.height > maxH ? { maxHeight: maxH } : {}),
  });
  const rightEdge = Math.max(col.right, anchor.left + anchor.width);
  if (viewport.width - MARGIN - (rightEdge + GAP) >= card.width) return beside(rightEdge + GAP, 'right');
  const leftEdge = Math.min(col.left, anchor.left);
  if (leftEdge - GAP - MARGIN >= card.width) return beside(leftEdge - GAP - card.width, 'left');

  const left = clamp(anchor.left, MARGIN, viewport.width - card.width - MARGIN);
  const below = anchor.top + anchor.height + GAP;
  const roomBelow = viewport.height - MARGIN - below;
  const roomAbove = anchor.top - GAP - MARGIN;
  if (card.height <= roomBelow) return { left, top: below, side: 'below' };
  if (card.height <= roomAbove) return { left, top: anchor.top - GAP - card.height, side: 'above' };
  if (roomBelow >= roomAbove && roomBelow >= Math.min(MIN_HEIGHT, card.height)) return { left, top: below, maxHeight: roomBelow, side: 'below' };
  if (roomAbove >= Math.min(MIN_HEIGHT, card.height)) return { left, top: MARGIN, maxHeight: roomAbove, side: 'above' };
  // The figure fills the window (a tiny window, or the figure at its very edge): the card may cover
  // the text then, but keeps clear of the figure itself as far as the window allows.
  return roomBelow >= roomAbove
    ? { left, top: clamp(below, MARGIN, viewport.height - MARGIN - MIN_HEIGHT), maxHeight: MIN_HEIGHT, side: 'below' }
    : { left, top: MARGIN, maxHeight: MIN_HEIGHT, side: 'above' };
}

/**
 * How far to scroll the window so that a figure and a card of this height below (or beside) it
 * are both in view: 0 when they already are. Used when the keyboard steps to a figure.
 */
export function scrollToFit(anchor: Box, cardHeight: number, viewportHeight: number, besideRoom: boolean): number {
  const need = besideRoom ? anchor.height : anchor.height + GAP + Math.min(cardHeight, viewportHeight - 2 * MARGIN - anchor.height - GAP);
  const top = anchor.top;
  const bottom = top + need;
  if (top >= MARGIN && bottom <= viewportHeight - MARGIN) return 0;
  // Figure at a comfortable distance from the top, card below it; never past the figure itself.
  const wanted = besideRoom ? top - viewportHeight / 3 : top - Math.max(MARGIN, (viewportHeight - need) / 2);
  return Math.round(wanted);
}
