/**
 * The report's span in a page's text, found on a parsed copy of the page's HTML instead of the live
 * page, so that Readability (tens to hundreds of milliseconds on a long report) runs away from the
 * reader's main thread: in the background (the service worker in Chromium, the background page in
 * Firefox), on a document the background parses with linkedom, a DOM written in JavaScript that runs
 * where the browser's DOM is missing.
 *
 * The parsed copy is read with the same TextIndex as the live page. TextIndex uses no computed
 * styles, so the two texts are equal in the common case and the span applies as is. They differ
 * when the page's scripts changed the DOM in ways the HTML does not show (form values, text set
 * after serialising, our own layer), or when linkedom repairs broken markup otherwise than the
 * browser did: then the span's text is looked for in the text the page sent,
 * whole, then by its first and last lines; failing that, the whole text is analysed, as when
 * Readability finds nothing.
 *
 * The HTML is untrusted: the parsed document is inert (linkedom runs no script and fetches nothing;
 * neither does the browser's DOMParser, which the tests use), and nothing of it is kept.
 */
import { TextIndex } from '../anchoring';
import { mainTextSpan } from './main-text';

export interface TextSpan {
  start: number;
  end: number;
}

/** A line of at least this many characters is taken as the span's own when looked for alone. */
const MIN_ANCHOR_LINE = 6;

function firstLine(s: string): string {
  const nl = s.indexOf('\n');
  return (nl < 0 ? s : s.slice(0, nl)).trim();
}

function lastLine(s: string): string {
  return s.slice(s.lastIndexOf('\n') + 1).trim();
}

/** Where `span` of `parsedText` lies in `sent`; the whole of `sent` when it cannot be found. */
export function spanInSentText(parsedText: string, span: TextSpan, sent: string): TextSpan {
  const whole = { start: 0, end: sent.length };
  if (!(span.end > span.start) || span.start < 0 || span.end > parsedText.length) return whole;
  if (parsedText === sent) return { start: span.start, end: span.end };
  const piece = parsedText.slice(span.start, span.end);
  const at = sent.indexOf(piece);
  if (at >= 0) return { start: at, end: at + piece.length };
  const head = firstLine(piece);
  const tail = lastLine(piece);
  if (head.length < MIN_ANCHOR_LINE || tail.length < MIN_ANCHOR_LINE) return whole;
  const headAt = sent.indexOf(head);
  const tailAt = headAt < 0 ? -1 : sent.lastIndexOf(tail);
  if (headAt < 0 || tailAt < headAt) return whole;
  return { start: sent.lastIndexOf('\n', headAt - 1) + 1, end: tailAt + tail.length };
}

/** Parses HTML into an inert document: the browser's DOMParser, or linkedom where there is none. */
export type HtmlParser = (html: string) => Document;

/** The report's span in `sent` (the live page's TextIndex text), read from the page's HTML. */
export function mainSpanOfHtml(html: string, sent: string, parse: HtmlParser): TextSpan {
  const whole = { start: 0, end: sent.length };
  let doc: Document;
  try {
    doc = parse(html);
  } catch {
    return whole;
  }
  const root = doc.body ?? doc.documentElement;
  if (!root) return whole;
  const index = TextIndex.fromElement(root);
  const span = mainTextSpan(doc, index);
  if (!span.usedReadability) return whole;
  return spanInSentText(index.text, span, sent);
}
