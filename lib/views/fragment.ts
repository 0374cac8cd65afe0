/**
 * A link to the place of a figure in the original page: the page address with a text fragment
 * (`#:~:text=`), which Chromium-based browsers scroll to and highlight.
 *
 * The quoted text must start and end on word boundaries or the browser finds nothing. Chinese has
 * no spaces, so the safe boundaries are the sentence's own: it starts after a full stop, and a
 * figure's end (digits or % before a Chinese character or punctuation) is a boundary too. Short
 * sentences are quoted whole; long ones from their start to the end of the figure, which keeps the
 * link short and still unique in practice.
 */
import { encodeFragmentTerm, pageUrl } from '../address';

const MAX_QUOTE = 120;

export function textFragmentUrl(address: string, sentence: string, figureText: string): string {
  const base = pageUrl(address);
  let quote = sentence.replace(/\s+/g, ' ').trim();
  if (quote.length > MAX_QUOTE) {
    const figure = figureText.replace(/\s+/g, ' ').trim();
    const at = figure ? quote.indexOf(figure) : -1;
    quote = at >= 0 && at + figure.length <= MAX_QUOTE * 2 ? quote.slice(0, at + figure.length) : figure || quote.slice(0, MAX_QUOTE);
  }
  if (!quote) return base;
  return `${base}#:~:text=${encodeFragmentTerm(quote)}`;
}
