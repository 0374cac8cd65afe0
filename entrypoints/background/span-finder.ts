/**
 * Where a page's report lies in the text it sent: Readability on a parsed copy of its HTML
 * (lib/page/parsed-span.ts), which needs a DOM. Chromium's background is a service worker, which
 * has none, so the copy is parsed with linkedom (a DOM written in JavaScript) in every browser: one
 * path, the same spans in Chromium and Firefox, and no second document or process to start.
 */
import { parseHTML } from 'linkedom';
import type { SpanFinder } from '../../lib/storage';
import { mainSpanOfHtml } from '../../lib/page';

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** The background's span finder (analysePage checks what it answers). */
export const backgroundSpanFinder: SpanFinder = (html, text) => mainSpanOfHtml(html, text, parse);
