/**
 * Where a figure's card goes: below the figure when it fits, else above, else wherever the most
 * room is; always inside the viewport with a margin, so the card never hides the figure it
 * describes when there is any other place for it.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const GAP = 8;
const MARGIN = 8;

export function placeCard(anchor: Box, card: { width: number; height: number }, viewport: { width: number; height: number }): { left: number; top: number } {
  const below = anchor.top + anchor.height + GAP;
  const above = anchor.top - GAP - card.height;
  let top: number;
  if (below + card.height <= viewport.height - MARGIN) top = below;
  else if (above >= MARGIN) top = above;
  else top = viewport.height - anchor.top - anchor.height > anchor.top ? below : above;
  top = Math.max(MARGIN, Math.min(top, viewport.height - card.height - MARGIN));
  let left = anchor.left;
  left = Math.max(MARGIN, Math.min(left, viewport.width - card.width - MARGIN));
  return { left, top };
}
