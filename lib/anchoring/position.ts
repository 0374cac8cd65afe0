/**
 * TextPositionAnchor: a passage as start/end offsets into the page's text (the text of
 * `TextIndex`, i.e. text nodes in order with '\n' between blocks). Cheapest to resolve, but only
 * trustworthy while the page is unchanged, so `anchor` checks the text at the offsets against the
 * saved quote before believing it.
 */
import type { Selector, TextIndexLike } from './types';

export type TextPositionSelector = Extract<Selector, { type: 'TextPositionSelector' }>;

export class TextPositionAnchor {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {}

  static fromRange(range: Range, index: TextIndexLike): TextPositionAnchor | null {
    const offsets = index.offsetsOf(range);
    if (!offsets || offsets.end <= offsets.start) return null;
    return new TextPositionAnchor(offsets.start, offsets.end);
  }

  static fromSelector(selector: TextPositionSelector): TextPositionAnchor {
    return new TextPositionAnchor(selector.start, selector.end);
  }

  /** Whether the offsets still fit inside `text`. */
  fits(text: string): boolean {
    return this.start >= 0 && this.end > this.start && this.end <= text.length;
  }

  toRange(index: TextIndexLike): Range | null {
    if (!this.fits(index.text)) return null;
    return index.rangeFor(this.start, this.end);
  }

  toSelector(): TextPositionSelector {
    return { type: 'TextPositionSelector', start: this.start, end: this.end };
  }
}
