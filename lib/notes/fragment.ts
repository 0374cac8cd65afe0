/**
 * Links back to the exact place of a note: the page address with a text fragment
 * (`#:~:text=start,end`), which Chromium-based browsers scroll to and highlight.
 *
 * Fragment rules (WICG scroll-to-text): terms are percent-encoded, and '-', ',' and '&' must be
 * encoded too because they are the syntax. Long or multi-line quotes use the `start,end` form
 * (first and last words) so the link survives small edits in between and stays short.
 */

import { encodeFragmentTerm, pageUrl } from '../address';

const WHOLE_QUOTE_MAX = 60;
const EDGE = 16;

export function textFragment(quote: string): string {
  const lines = quote
    .split(/\n+/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (lines.length === 0) return '';
  if (lines.length === 1 && lines[0].length <= WHOLE_QUOTE_MAX) return `:~:text=${encodeFragmentTerm(lines[0])}`;
  const first = lines[0].slice(0, EDGE).trim();
  const last = lines[lines.length - 1].slice(-EDGE).trim();
  return `:~:text=${encodeFragmentTerm(first)},${encodeFragmentTerm(last)}`;
}

/** The page address with a text fragment for `quote` (any existing fragment replaced). */
export function linkToQuote(url: string, quote: string): string {
  const base = pageUrl(url);
  const fragment = textFragment(quote);
  return fragment ? `${base}#${fragment}` : base;
}

/** The fragment name the content script looks for to show one note (`#zhibiao-note=<id>`). */
export const NOTE_FRAGMENT = 'zhibiao-note=';

/**
 * A link to one note from the notes page: `#zhibiao-note=<id>` tells Zhibiao's content script
 * which note to scroll to and mark (it finds the note through its anchors, so this works also
 * after the text changed a little), and the text fragment after `:~:` lets the browser itself
 * scroll there first. Exports use `linkToQuote`: no id, since it means nothing elsewhere.
 */
export function linkToNote(url: string, quote: string, id: string): string {
  const base = pageUrl(url);
  const fragment = textFragment(quote);
  return `${base}#${NOTE_FRAGMENT}${encodeURIComponent(id)}${fragment}`;
}

/** The note id a page address asks to show, or null. */
export function noteIdInAddress(hash: string): string | null {
  const at = hash.indexOf(NOTE_FRAGMENT);
  if (at === -1) return null;
  const rest = hash.slice(at + NOTE_FRAGMENT.length);
  const end = rest.search(/[:&#]/);
  try {
    const id = decodeURIComponent(end === -1 ? rest : rest.slice(0, end));
    return id || null;
  } catch {
    return null;
  }
}
