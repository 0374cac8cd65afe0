/**
 * Anchoring: turning a selection into selectors that can find the same passage again, and
 * finding it again on a later visit, possibly after the page changed.
 *
 * `anchor` tries, in order: the saved position (only if the text there still equals the quote),
 * an exact quote search (context breaks ties), then approximate search (fuzzy.ts). A null
 * answer means the passage is gone: the caller marks the note detached and keeps it.
 */
import { TextPositionAnchor, type TextPositionSelector } from './position';
import { TextQuoteAnchor, type TextQuoteSelector } from './quote';
import type { Selector, TextIndexLike, TextMatch } from './types';

export { TextQuoteAnchor } from './quote';
export { searchApproximate } from './fuzzy';
export type { Selector, TextIndexLike, TextMatch } from './types';

/** Selectors for the passage `text.slice(start, end)`: a quote with context, and its position. */
export function describeOffsets(text: string, start: number, end: number): Selector[] {
  return [TextQuoteAnchor.fromOffsets(text, start, end).toSelector(), new TextPositionAnchor(start, end).toSelector()];
}

/** Selectors for a DOM range, or null when the range holds no indexed text. */
export function describe(range: Range, index: TextIndexLike): Selector[] | null {
  const offsets = index.offsetsOf(range);
  if (!offsets || offsets.end <= offsets.start) return null;
  return describeOffsets(index.text, offsets.start, offsets.end);
}

function pick<T extends Selector['type']>(selectors: Selector[], type: T): Extract<Selector, { type: T }> | undefined {
  return selectors.find((s) => s.type === type) as Extract<Selector, { type: T }> | undefined;
}

/** Where the selectors point in `text`, or null when the passage cannot be found. */
export function anchorText(selectors: Selector[], text: string): TextMatch | null {
  const quoteSel = pick(selectors, 'TextQuoteSelector') as TextQuoteSelector | undefined;
  const posSel = pick(selectors, 'TextPositionSelector') as TextPositionSelector | undefined;
  const position = posSel ? TextPositionAnchor.fromSelector(posSel) : null;
  if (!quoteSel) {
    // Nothing to verify the position against: trust it only if it still fits the text.
    return position && position.fits(text) ? { start: position.start, end: position.end, exact: false, method: 'position' } : null;
  }
  const quote = TextQuoteAnchor.fromSelector(quoteSel);
  if (position && position.fits(text) && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, exact: true, method: 'position' };
  }
  return quote.find(text, position?.start);
}

export interface Anchored extends TextMatch {
  range: Range;
}

/** The DOM range the selectors point to in the indexed page, or null (the note is detached). */
export function anchor(selectors: Selector[], index: TextIndexLike): Anchored | null {
  const match = anchorText(selectors, index.text);
  if (!match) return null;
  const range = index.rangeFor(match.start, match.end);
  return range ? { ...match, range } : null;
}
export { LAYER_ATTRIBUTE, TextIndex } from './text-index';
