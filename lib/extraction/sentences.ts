/**
 * Sentence (and list item) boundaries, computed once per text so that each figure finds its
 * sentence without rescanning.
 *
 * Boundaries: 。！？；!? and line ends. Work-report texts come in two shapes: prose paragraphs
 * (national, provincial) and summary lists with one item per line and no punctuation (district
 * summaries). A line end therefore ends a sentence, except where the text shows the line was
 * broken inside a sentence:
 * - the line ends with a clause mark (、，,：:) — the list goes on below;
 * - the line's last clause is a bare quantity after 、 ("…15个老年助餐场所、8家" / blank line /
 *   "老年人日间照护中心") — the noun it counts is on the next line;
 * - the line is prose (it holds a 。) and stops without terminal punctuation — a hard wrap.
 */

export interface Span {
  start: number;
  end: number;
}

const TERMINAL = new Set(['。', '！', '？', '；', '!', '?', ';']);
const CONTINUING = new Set(['、', '，', ',', '：', ':']);
/** A list's last item that is a bare count by a classifier ("、8家"): its noun must follow. Measure
 * units (公里, 平方米) make a complete item ("、18.2公里") and do not join lines. */
const TRAILING_QUANTITY_AFTER_LIST = /、[0-9]+(?:多|余)?(?:万)?[个家张所座处间套台条项位名户幢栋辆艘架批件]$/;

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** Whether the line text[lineStart, lineEnd) continues on the next non-empty line. */
function lineContinues(text: string, lineStart: number, lineEnd: number): boolean {
  let e = lineEnd;
  while (e > lineStart && isBlank(text[e - 1])) e--;
  if (e === lineStart) return false;
  const last = text[e - 1];
  if (TERMINAL.has(last)) return false;
  if (CONTINUING.has(last)) return true;
  const line = text.slice(lineStart, e);
  if (TRAILING_QUANTITY_AFTER_LIST.test(line)) return true;
  // A prose line (it has a full stop somewhere) that stops mid-sentence was wrapped; headings
  // and list items carry no 。 and stay on their own.
  return line.includes('。') && /[\u4e00-\u9fff0-9%]/.test(last);
}

/** Splits text into trimmed, non-empty sentence spans in text order. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  let start = 0;
  let lineStart = 0;
  // Whether the current line has anything but blanks, tracked as we go instead of re-reading it.
  let lineHasText = false;
  let continuing = false;
  const push = (s: number, e: number): void => {
    while (s < e && isBlank(text[s])) s++;
    while (e > s && isBlank(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Terminal marks: 。！？；!?; (char codes: the loop runs once per character of the page).
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x21 || c === 0x3f || c === 0x3b) {
      // Keep a closing quote or bracket with its sentence ("……。”").
      let e = i + 1;
      while (e < n && (text[e] === '”' || text[e] === '’' || text[e] === '）' || text[e] === ')')) e++;
      push(start, e);
      start = e;
      i = e - 1;
      continuing = false;
      lineHasText = true;
      continue;
    }
    if (c === 0x0a) {
      const blankLine = !lineHasText;
      // A blank line inside a continued sentence keeps it going ("8家" / blank / "老年人…").
      if (blankLine ? !continuing : !lineContinues(text, lineStart, i)) {
        push(start, i);
        start = i + 1;
        continuing = false;
      } else if (!blankLine) {
        continuing = true;
      }
      lineStart = i + 1;
      lineHasText = false;
      continue;
    }
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) lineHasText = true;
  }
  push(start, n);
  return spans;
}

/** Paragraphs: runs of text between line ends, trimmed, for scope cues ("五年来，…"). */
export function isParagraphStart(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n';
}
