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

export function normalizeText(original: string): NormalizedText {
  const n = original.length;
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
    const special =
      c === 0x0a || c === 0x0d || isHorizontalSpace(c) || isZeroWidth(c) || (c >= 0xff01 && c <= 0xff5e);
    if (!special) continue;
    flush(i);
    runStart = i + 1;
    const ch = original[i];
    if (isZeroWidth(c)) continue;
    if ((c === 0x0a || c === 0x0d) && /[0-9]/.test(last)) {
      // A line broken inside a number ("达到74.4" / blank line / "万亿元", seen in page
      // transcriptions and PDF conversions): a line does not start with % or with a magnitude
      // followed by a unit, so the break, and any blank line in it, goes. "万众创新" at a line
      // start is a word, not a magnitude, and other line ends after a digit stay.
      let j = i;
      while (j < n && (original[j] === '\n' || original[j] === '\r' || HORIZONTAL_SPACE.test(original[j]) || ZERO_WIDTH.test(original[j]))) j++;
      if (j < n && (/[%％]/.test(original[j]) || /^[多余]?[万亿]+(?:[多余]|[元人吨斤亩户个家辆千平立公美标次套件项]|[，、。；）)])/.test(original.slice(j, j + 4)))) {
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
      while (j < n && (isHorizontalSpace(original.charCodeAt(j)) || isZeroWidth(original.charCodeAt(j)))) j++;
      const before = last;
      const after = j < n ? foldChar(original[j]) : '';
      const joinsNumber =
        (DIGIT_LIKE.test(before) && (CJK.test(after) || after === '%' || after === '.')) ||
        (CJK.test(before) && /[0-9]/.test(after)) ||
        (before === '.' && /[0-9]/.test(after));
      if (!joinsNumber) {
        for (let k = i; k < j; k++) {
          if (isZeroWidth(original.charCodeAt(k))) continue;
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
