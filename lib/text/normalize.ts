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

/** Folds one character to its plain form: full-width ASCII to ASCII, odd spaces to ' ', odd dashes kept. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (ch === '\u3000' || ch === '\u00a0' || ch === '\u2002' || ch === '\u2003' || ch === '\u2009' || ch === '\u202f') return ' ';
  if (ch === '\t') return ' ';
  return ch;
}

export function normalizeText(original: string): NormalizedText {
  const out: string[] = [];
  const map: number[] = [];
  const n = original.length;
  for (let i = 0; i < n; i++) {
    const ch = original[i];
    if (ZERO_WIDTH.test(ch)) continue;
    if ((ch === '\n' || ch === '\r') && out.length > 0 && /[0-9]/.test(out[out.length - 1])) {
      // A line broken inside a number ("达到74.4" / blank line / "万亿元", seen in page
      // transcriptions and PDF conversions): a line does not start with % or with a magnitude
      // followed by a unit, so the break, and any blank line in it, goes. "万众创新" at a line
      // start is a word, not a magnitude, and other line ends after a digit stay.
      let j = i;
      while (j < n && (original[j] === '\n' || original[j] === '\r' || HORIZONTAL_SPACE.test(original[j]) || ZERO_WIDTH.test(original[j]))) j++;
      if (j < n && (/[%％]/.test(original[j]) || /^[多余]?[万亿]+(?:[多余]|[元人吨斤亩户个家辆千平立公美标次套件项]|[，、。；）)])/.test(original.slice(j, j + 4)))) {
        i = j - 1;
        continue;
      }
    }
    if (ch === '\r') {
      // CRLF → LF; a lone CR is a line end too.
      if (original[i + 1] === '\n') continue;
      out.push('\n');
      map.push(i);
      continue;
    }
    if (HORIZONTAL_SPACE.test(ch)) {
      // Drop runs of spaces that sit between a number and Chinese text (PDF conversions put them
      // there: "增长 5.2 %", "5.67 万亿元"); keep every other space as one plain space.
      let j = i;
      while (j < n && (HORIZONTAL_SPACE.test(original[j]) || ZERO_WIDTH.test(original[j]))) j++;
      const before = out.length > 0 ? out[out.length - 1] : '';
      const after = j < n ? foldChar(original[j]) : '';
      const joinsNumber =
        (DIGIT_LIKE.test(before) && (CJK.test(after) || after === '%' || after === '.')) ||
        (CJK.test(before) && /[0-9]/.test(after)) ||
        (before === '.' && /[0-9]/.test(after));
      if (!joinsNumber) {
        for (let k = i; k < j; k++) {
          if (ZERO_WIDTH.test(original[k])) continue;
          out.push(foldChar(original[k]));
          map.push(k);
        }
      }
      i = j - 1;
      continue;
    }
    out.push(foldChar(ch));
    map.push(i);
  }
  map.push(n);
  const text = out.join('');
  const toOriginal = (offset: number): number => {
    if (offset <= 0) return map[0];
    if (offset >= map.length - 1) return n;
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
