/**
 * The figure a note's passage covers, for notes made by selecting text rather than from a card:
 * a note on "国内生产总值增长5%左右" then carries that figure's value, unit and kind, and the kind
 * filter finds it. A figure counts when its printed text lies in the quote and the words just
 * before it in the quote are the words before it in its sentence (the same place, not the same
 * number elsewhere). The first such figure in the report's order wins.
 */
import type { FigureRow } from '../storage';

const CONTEXT = 6;

export function coveredFigure(quote: string, figures: FigureRow[]): FigureRow | undefined {
  const q = quote.replace(/\s+/g, '');
  if (!q) return undefined;
  return figures.find((f) => {
    const at = q.indexOf(f.text);
    if (at < 0) return false;
    const sentence = f.sentence.replace(/\s+/g, '');
    return sentence.includes(q.slice(Math.max(0, at - CONTEXT), at + f.text.length));
  });
}
