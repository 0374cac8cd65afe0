/**
 * TextQuoteAnchor: a passage as its exact text plus up to 32 characters of context either side
 * (the W3C TextQuoteSelector). Survives the page moving text around; the context tells repeated
 * phrases apart ("同比增长" appears dozens of times in a report).
 */
import { fuzzyFindQuote } from './fuzzy';
import type { Selector, TextIndexLike, TextMatch } from './types';

export type TextQuoteSelector = Extract<Selector, { type: 'TextQuoteSelector' }>;

/** Characters of context kept on each side. */
export const CONTEXT_LENGTH = 32;

/** Length of the common ending of `a` and `b`. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export class TextQuoteAnchor {
  constructor(
    readonly exact: string,
    readonly prefix = '',
    readonly suffix = '',
  ) {}

  static fromOffsets(text: string, start: number, end: number): TextQuoteAnchor {
    return new TextQuoteAnchor(text.slice(start, end), text.slice(Math.max(0, start - CONTEXT_LENGTH), start), text.slice(end, end + CONTEXT_LENGTH));
  }

  static fromRange(range: Range, index: TextIndexLike): TextQuoteAnchor | null {
    const offsets = index.offsetsOf(range);
    if (!offsets || offsets.end <= offsets.start) return null;
    return TextQuoteAnchor.fromOffsets(index.text, offsets.start, offsets.end);
  }

  static fromSelector(selector: TextQuoteSelector): TextQuoteAnchor {
    return new TextQuoteAnchor(selector.exact, selector.prefix ?? '', selector.suffix ?? '');
  }

  toSelector(): TextQuoteSelector {
    const selector: TextQuoteSelector = { type: 'TextQuoteSelector', exact: this.exact };
    if (this.prefix) selector.prefix = this.prefix;
    if (this.suffix) selector.suffix = this.suffix;
    return selector;
  }

  /**
   * Every exact occurrence, ranked by how much of the saved context agrees (characters of
   * prefix and suffix that match), then by closeness to `hint`. Null when the quote is absent.
   */
  findExact(text: string, hint?: number): TextMatch | null {
    if (!this.exact) return null;
    let best: { start: number; score: number; distance: number } | null = null;
    for (let at = text.indexOf(this.exact); at !== -1; at = text.indexOf(this.exact, at + 1)) {
      const before = text.slice(Math.max(0, at - this.prefix.length), at);
      const after = text.slice(at + this.exact.length, at + this.exact.length + this.suffix.length);
      const score = commonSuffix(this.prefix, before) + commonPrefix(this.suffix, after);
      const distance = hint === undefined ? 0 : Math.abs(at - hint);
      if (!best || score > best.score || (score === best.score && distance < best.distance)) {
        best = { start: at, score, distance };
      }
    }
    if (!best) return null;
    return { start: best.start, end: best.start + this.exact.length, exact: true, method: 'quote' };
  }

  /** Exact search first, then approximate (see fuzzy.ts for thresholds). */
  find(text: string, hint?: number): TextMatch | null {
    const exact = this.findExact(text, hint);
    if (exact) return exact;
    const near = fuzzyFindQuote(text, this, hint);
    if (!near) return null;
    return { start: near.start, end: near.end, exact: text.slice(near.start, near.end) === this.exact, method: 'fuzzy' };
  }

  toRange(index: TextIndexLike, hint?: number): Range | null {
    const match = this.find(index.text, hint);
    return match ? index.rangeFor(match.start, match.end) : null;
  }
}
