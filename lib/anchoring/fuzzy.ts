/**
 * Approximate matching of a saved quote in text that changed a little since the note was made
 * (a figure corrected, a word inserted, punctuation swapped).
 *
 * The search is `approx-string-match` (Myers' bit-parallel edit-distance scan, the library the
 * Hypothesis client uses): it returns the occurrences with the fewest edits, at most `maxErrors`.
 * Only the fewest-edit occurrences become candidates. Boilerplate that a report repeats ("以习近平
 * 新时代中国特色社会主义思想为指导，…") can have a copy elsewhere that is closer to the saved quote
 * than the edited passage itself, so the text within `NEAR_HINT` characters of the passage's old
 * position is searched on its own as well, and its best occurrences join the candidates.
 *
 * Candidates are then ranked like this (weights out of 92, after the Hypothesis client's
 * scheme): quote similarity 50, prefix context 20, suffix context 20, closeness to the old
 * position 2. The quote dominates because it is what the reader marked; context breaks ties
 * between repeated phrases (reports repeat "同比增长" constantly); position only breaks ties
 * between otherwise equal candidates.
 *
 * Thresholds (why):
 * - at most 25% of the quote's characters may differ (`MAX_ERROR_RATE`): a corrected figure or an
 *   inserted clause in a sentence-length quote stays well below that, while two unrelated
 *   sentences of a report share far fewer characters in order;
 * - quotes shorter than `MIN_FUZZY_LENGTH` (4) are never matched approximately: with one error
 *   allowed, a 3-character quote matches almost anywhere;
 * - quotes shorter than `CONTEXT_REQUIRED_BELOW` (16) also need their prefix/suffix context to be
 *   at least half similar, for the same reason at a smaller scale;
 * - quotes longer than `LONG_QUOTE` (256) are matched by their first and last 64 characters,
 *   which must appear in order at a distance within ±30% of the quote's length; the full text in
 *   between is then compared when that is affordable, to report an honest similarity.
 */

import search from 'approx-string-match';

export const MAX_ERROR_RATE = 0.25;
export const MIN_FUZZY_LENGTH = 4;
export const CONTEXT_REQUIRED_BELOW = 16;
export const LONG_QUOTE = 256;
const EDGE = 64;
const EDGE_ERRORS = 16;
const MAX_EDGE_CANDIDATES = 12;
/** Characters either side of the old position searched on their own (a few paragraphs). */
const NEAR_HINT = 2000;
/** Accept a candidate only if its combined score reaches this (0..1). */
export const MIN_SCORE = 0.6;

export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * The occurrences of `pattern` in `text` with the fewest edits (insertions, deletions,
 * substitutions), at most `maxErrors`; one per run of adjacent end positions (the first).
 */
export function searchApproximate(text: string, pattern: string, maxErrors: number): ApproximateMatch[] {
  if (pattern.length === 0) return [];
  const matches: ApproximateMatch[] = [];
  let lastEnd = -2;
  for (const found of search(text, pattern, Math.max(0, maxErrors))) {
    // The library lists every end position; neighbours are the same occurrence one character longer.
    if (found.end !== lastEnd + 1) matches.push({ start: found.start, end: found.end, errors: found.errors });
    lastEnd = found.end;
  }
  return matches;
}

/** Levenshtein distance; used on short strings (context, and long quotes when affordable). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** 1 for equal strings, 0 for nothing in common; 1 when there is no saved context to compare. */
export function similarity(saved: string, found: string): number {
  if (saved.length === 0) return 1;
  const longest = Math.max(saved.length, found.length);
  return 1 - editDistance(saved, found) / longest;
}

export interface QuoteToFind {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface FuzzyMatch {
  start: number;
  end: number;
  /** Combined score 0..1 (see the weights above). */
  score: number;
  /** Similarity of the found text to the quote, 0..1. */
  quoteSimilarity: number;
}

function candidatesFor(text: string, exact: string): Array<ApproximateMatch & { quoteSimilarity: number }> {
  const m = exact.length;
  if (m <= LONG_QUOTE) {
    const k = Math.floor(m * MAX_ERROR_RATE);
    return searchApproximate(text, exact, k).map((c) => ({ ...c, quoteSimilarity: 1 - c.errors / m }));
  }
  // Repetitive text yields many edge candidates; pairing only the closest few keeps this bounded.
  const closest = (list: ApproximateMatch[]) => list.sort((a, b) => a.errors - b.errors).slice(0, MAX_EDGE_CANDIDATES);
  const heads = closest(searchApproximate(text, exact.slice(0, EDGE), EDGE_ERRORS));
  const tails = closest(searchApproximate(text, exact.slice(-EDGE), EDGE_ERRORS));
  const out: Array<ApproximateMatch & { quoteSimilarity: number }> = [];
  for (const h of heads) {
    for (const t of tails) {
      const span = t.end - h.start;
      if (t.start < h.end - EDGE_ERRORS || span < m * 0.7 || span > m * 1.3) continue;
      let errors = h.errors + t.errors;
      let sim = 1 - errors / (2 * EDGE);
      // Compare the whole passage when it costs at most a few million steps.
      if (m * span <= 4_000_000) {
        errors = editDistance(exact, text.slice(h.start, t.end));
        sim = 1 - errors / Math.max(m, span);
      }
      if (sim >= 1 - MAX_ERROR_RATE) out.push({ start: h.start, end: t.end, errors, quoteSimilarity: sim });
    }
  }
  return out;
}

/**
 * The best approximate occurrence of `quote` in `text`, or null when nothing is close enough.
 * `hint` is where the passage used to start (from the position selector), if known.
 */
export function fuzzyFindQuote(text: string, quote: QuoteToFind, hint?: number): FuzzyMatch | null {
  const { exact } = quote;
  if (exact.length < MIN_FUZZY_LENGTH) return null;
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const candidates = candidatesFor(text, exact);
  if (hint !== undefined) {
    const from = Math.max(0, hint - NEAR_HINT);
    const near = candidatesFor(text.slice(from, hint + exact.length + NEAR_HINT), exact);
    for (const c of near) {
      if (!candidates.some((o) => o.start === c.start + from && o.end === c.end + from)) candidates.push({ ...c, start: c.start + from, end: c.end + from });
    }
  }
  let best: FuzzyMatch | null = null;
  for (const c of candidates) {
    const before = text.slice(Math.max(0, c.start - prefix.length), c.start);
    const after = text.slice(c.end, c.end + suffix.length);
    const prefixSim = similarity(prefix, before);
    const suffixSim = similarity(suffix, after);
    if (exact.length < CONTEXT_REQUIRED_BELOW && (prefixSim + suffixSim) / 2 < 0.5) continue;
    const posSim = hint === undefined ? 0.5 : 1 - Math.min(1, Math.abs(c.start - hint) / Math.max(1, text.length));
    const score = (50 * c.quoteSimilarity + 20 * prefixSim + 20 * suffixSim + 2 * posSim) / 92;
    if (score < MIN_SCORE) continue;
    if (!best || score > best.score) best = { start: c.start, end: c.end, score, quoteSimilarity: c.quoteSimilarity };
  }
  return best;
}
