/**
 * What the anchoring classes need from a text index: the page's text and a way between text
 * offsets and DOM ranges. `TextIndex` (text-index.ts) satisfies it; tests and the benchmark can
 * pass a plain `{ text }` to the offset-level functions.
 */
export interface TextIndexLike {
  readonly text: string;
  rangeFor(start: number, end: number): Range | null;
  offsetsOf(range: Range): { start: number; end: number } | null;
}

/**
 * A W3C Web Annotation target selector: how a passage is described, and stored with its note.
 * Defined here, where selectors are made and read; storage keeps them as they are.
 */
export type Selector =
  { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string } | { type: 'TextPositionSelector'; start: number; end: number };

/** A match of a note's passage in the current text. */
export interface TextMatch {
  start: number;
  end: number;
  /** True when the text found equals the saved quote exactly. */
  exact: boolean;
  /** Which strategy found it: the saved position, an exact quote search, or approximate search. */
  method: 'position' | 'quote' | 'fuzzy';
}
