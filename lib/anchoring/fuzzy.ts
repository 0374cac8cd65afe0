/**
 * Approximate matching of a saved quote in text that changed a little since the note was made
 * (a figure corrected, a word inserted, punctuation swapped).
 *
 * The search is Sellers' edit-distance scan with Ukkonen's cut-off: one pass over the text keeps
 * a column of edit distances between the quote's prefixes and the text ending at the current
 * character, computing only the rows that can still be within `maxErrors`, so the cost is about
 * O(text length × maxErrors). Each cell also carries where its cheapest alignment started, which
 * gives the start of a match without a second, backwards scan.
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

export const MAX_ERROR_RATE = 0.25;
export const MIN_FUZZY_LENGTH = 4;
export const CONTEXT_REQUIRED_BELOW = 16;
export const LONG_QUOTE = 256;
const EDGE = 64;
const EDGE_ERRORS = 16;
const MAX_EDGE_CANDIDATES = 12;
/** Accept a candidate only if its combined score reaches this (0..1). */
export const MIN_SCORE = 0.6;

export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Every place in `text` where `pattern` occurs with at most `maxErrors` edits (insertions,
 * deletions, substitutions), one per run of adjacent end positions (the best of the run).
 */
export function searchApproximate(text: string, pattern: string, maxErrors: number): ApproximateMatch[] {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return [];
  const k = Math.max(0, Math.min(maxErrors, m));
  const BIG = k + 2;
  const dist = new Int32Array(m + 1);
  const from = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) dist[i] = i;
  let top = Math.min(k, m);
  const matches: ApproximateMatch[] = [];
  let lastEnd = -2;

  for (let j = 1; j <= n; j++) {
    const c = text.charCodeAt(j - 1);
    let diagV = 0;
    let diagS = j - 1;
    dist[0] = 0;
    from[0] = j;
    const limit = Math.min(m, top + 1);
    for (let i = 1; i <= limit; i++) {
      const leftV = i <= top ? dist[i] : BIG;
      const leftS = from[i];
      let v = diagV + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      let s = diagS;
      if (leftV + 1 < v) {
        v = leftV + 1;
        s = leftS;
      }
      if (dist[i - 1] + 1 < v) {
        v = dist[i - 1] + 1;
        s = from[i - 1];
      }
      diagV = leftV;
      diagS = leftS;
      dist[i] = v;
      from[i] = s;
    }
    top = limit;
    while (top > 0 && dist[top] > k) top--;
    if (top === m) {
      const found = { start: from[m], end: j, errors: dist[m] };
      const prev = matches[matches.length - 1];
      if (prev && lastEnd === j - 1) {
        // Same match extended by one character: keep whichever alignment has fewer errors.
        if (found.errors < prev.errors) matches[matches.length - 1] = found;
      } else {
        matches.push(found);
      }
      lastEnd = j;
    }
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
  let best: FuzzyMatch | null = null;
  for (const c of candidatesFor(text, exact)) {
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
