/**
 * Text normalisation that remembers where every character came from.
 *
 * Real report texts carry full-width digits and ％, zero-width spaces inside words, NBSP and
 * ideographic spaces, CRLF line ends, and (when converted from PDF) spaces around numbers
 * ("5.67 万亿元"). The engine works on a cleaned copy so that its patterns stay simple, and maps
 * every offset back through `toOriginal`, so figures always point into the caller's text.
 */

export interface NormalizedText {
  /** The cleaned text the engine works on. */
  text: string;
  /** Maps an offset in `text` (0..text.length) to the offset in the original. */
  toOriginal(offset: number): number;
}

const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/;
const HORIZONTAL_SPACE = /[ \t\u00a0\u3000\u2002\u2003\u2009\u202f]/;
const DIGIT_LIKE = /[0-9.%]/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

// The loop below runs once per character of every page, so it tests character codes rather than
// the regular expressions above (which say the same and serve the rarer paths).
function isZeroWidth(c: number): boolean {
  return c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0x00ad;
}
function isHorizontalSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x202f;
}

/** Folds one character to its plain form: full-width ASCII to ASCII, odd spaces to ' ', odd dashes kept. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (isHorizontalSpace(code)) return ' ';
  return ch;
}

/** Characters that end a line on purpose: a wrapped line never ends on one of them. */
const LINE_FINAL = new Set(['。', '！', '？', '；', '：', '!', '?', ';', ':']);
/** Closing marks that end a paragraph only after a terminal mark ("……。”"). */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》']);

/**
 * Line ends that a fixed-width layout put in (PDF conversions, plain-text mail): the breaks at the
 * ends of "full" lines, which fall anywhere, inside words ("国内生\n产总值") and numbers ("12\n00万").
 *
 * A text is taken as hard-wrapped when most of its non-trivial lines come close to one width:
 * reports written one paragraph per line (every corpus text, and what Readability gives) have
 * lines of every length, and summaries with one item per line are short and ragged, so neither
 * is touched. Full lines are those within 85% of the width (the 90th percentile of line
 * lengths): digits and Latin letters print half as wide as Chinese, so wrapped lines vary in
 * characters. A full line that ends in terminal punctuation, or is followed by a blank line, an
 * indented line or a numbered heading, ends its paragraph and keeps its break.
 */
function wrapBreaks(original: string): Set<number> | null {
  const lines: { start: number; end: number }[] = [];
  let from = 0;
  for (;;) {
    const nl = original.indexOf('\n', from);
    const end = nl < 0 ? original.length : nl;
    lines.push({ start: from, end: end > from && original[end - 1] === '\r' ? end - 1 : end });
    if (nl < 0) break;
    from = nl + 1;
  }
  const lengths = lines.map((l) => l.end - l.start).filter((len) => len >= 10);
  if (lengths.length < 8) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.9)];
  if (width > 120) return null; // a paragraph per line
  const full = (len: number) => len >= width * 0.85;
  if (lengths.filter(full).length < lengths.length * 0.6) return null;
  const breaks = new Set<number>();
  for (let i = 0; i + 1 < lines.length; i++) {
    const { start, end } = lines[i];
    let lastAt = end - 1;
    while (lastAt > start && CLOSERS.has(original[lastAt])) lastAt--;
    if (!full(end - start) || LINE_FINAL.has(original[lastAt])) continue;
    const next = original.slice(lines[i + 1].start, lines[i + 1].end);
    if (!next.trim() || /^(?:\u3000|[ \t]{2})/.test(next) || /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+(?:、|\.(?!\d)))/.test(next))
      continue;
    breaks.add(end);
  }
  return breaks;
}

export function normalizeText(original: string): NormalizedText {
  const n = original.length;
  const wrapped = wrapBreaks(original);
  // Offsets are at most n, so a typed array holds the map without boxing.
  const map = new Uint32Array(n + 1);
  let out = '';
  // The last character written, kept aside: indexing `out` would flatten the concatenated string.
  let last = '';
  let m = 0;
  // Plain runs (nothing to fold or drop) are copied as one slice.
  let runStart = 0;
  const flush = (to: number) => {
    if (to > runStart) {
      out += original.slice(runStart, to);
      last = original[to - 1];
      for (let k = runStart; k < to; k++) map[m++] = k;
    }
  };
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    const special = c === 0x0a || c === 0x0d || isHorizontalSpace(c) || isZeroWidth(c) || (c >= 0xff01 && c <= 0xff5e);
    if (!special) continue;
    flush(i);
    runStart = i + 1;
    const ch = original[i];
    if (isZeroWidth(c)) continue;
    if (wrapped && (c === 0x0d || c === 0x0a) && (wrapped.has(i) || (c === 0x0a && wrapped.has(i - 1)))) {
      // Between two Latin words a wrap stood for a space; between Chinese characters for nothing.
      if (c === 0x0a && /[A-Za-z]/.test(last) && /[A-Za-z]/.test(original[i + 1] ?? '')) {
        last = ' ';
        out += ' ';
        map[m++] = i;
      }
      continue;
    }
    if ((c === 0x0a || c === 0x0d) && /[0-9]/.test(last)) {
      // A line broken inside a number ("达到74.4" / blank line / "万亿元", seen in page
      // transcriptions and PDF conversions): a line does not start with % or with a magnitude
      // followed by a unit, so the break, and any blank line in it, goes. "万众创新" at a line
      // start is a word, not a magnitude, and other line ends after a digit stay.
      let j = i;
      while (j < n && (original[j] === '\n' || original[j] === '\r' || HORIZONTAL_SPACE.test(original[j]) || ZERO_WIDTH.test(original[j]))) j++;
      if (
        j < n &&
        (/[%％]/.test(original[j]) || /^[多余]?[万亿]+(?:[多余]|[元人吨斤亩户个家辆千平立公美标次套件项]|[，、。；）)])/.test(original.slice(j, j + 4)))
      ) {
        i = j - 1;
        runStart = j;
        continue;
      }
    }
    if (c === 0x0d) {
      // CRLF → LF; a lone CR is a line end too.
      if (original[i + 1] === '\n') continue;
      out += '\n';
      last = '\n';
      map[m++] = i;
      continue;
    }
    if (isHorizontalSpace(c)) {
      // Drop runs of spaces that sit between a number and Chinese text (PDF conversions put them
      // there: "增长 5.2 %", "5.67 万亿元"); keep every other space as one plain space.
      let j = i;
      // A wrap break inside the run ("1.1 " / "万亿元") is dropped anyway: look past it.
      const skippable = (k: number): boolean => {
        const code = original.charCodeAt(k);
        return isHorizontalSpace(code) || isZeroWidth(code) || (wrapped !== null && (code === 0x0a || code === 0x0d) && (wrapped.has(k) || wrapped.has(k - 1)));
      };
      while (j < n && skippable(j)) j++;
      const before = last;
      const after = j < n ? foldChar(original[j]) : '';
      const joinsNumber =
        (DIGIT_LIKE.test(before) && (CJK.test(after) || after === '%' || after === '.')) ||
        (CJK.test(before) && /[0-9]/.test(after)) ||
        (before === '.' && /[0-9]/.test(after));
      if (!joinsNumber) {
        for (let k = i; k < j; k++) {
          const code = original.charCodeAt(k);
          if (isZeroWidth(code) || code === 0x0a || code === 0x0d) continue;
          last = foldChar(original[k]);
          out += last;
          map[m++] = k;
        }
      }
      i = j - 1;
      runStart = j;
      continue;
    }
    // A line end or a full-width character.
    last = foldChar(ch);
    out += last;
    map[m++] = i;
  }
  flush(n);
  map[m] = n;
  const text = out;
  const length = m;
  const toOriginal = (offset: number): number => {
    if (offset <= 0) return length > 0 ? map[0] : n;
    if (offset >= length) return n;
    return map[offset];
  };
  return { text, toOriginal };
}

/** Maps a [start, end) range in normalised text back to the original, end exclusive. */
export function toOriginalRange(norm: NormalizedText, start: number, end: number): [number, number] {
  const s = norm.toOriginal(start);
  // The end maps through the last character inside the range, so that dropped characters after
  // the range (zero-width, spaces) are not swallowed into it.
  const e = end > start ? norm.toOriginal(end - 1) + 1 : s;
  return [s, e];
}
