/**
 * The meaning layer: passes over a report's figures after extraction has read them, each in its
 * own module, so that what a figure means (which indicator, whether it is a headline target, a
 * restatement, a forecast or no figure at all) is decided in one place and after every figure of
 * the report is known.
 *
 * Order matters: figures that are not figures go first (nothing else should see them), then kinds,
 * then the indicator of each figure, then headline and restatement marks, which compare indicators.
 */
import type { Figure } from '../model';
import { describeFigure, keyOf } from '../linking';
import { markHeadlines, markRestatements } from './headline';
import { repairFragments } from './fragments';
import { settleKinds } from './kinds';
import { splitRespectiveLists } from './respectively';

export interface MeaningContext {
  /** The normalised text the figures' offsets index. */
  text: string;
}

/** Each figure's indicator: the catalogue id when the catalogue knows it, else its cleaned phrase
 * (the key linking and series group by); absent when the figure names no indicator by itself. */
export function assignIndicators(figures: Figure[]): void {
  figures.forEach((f, i) => {
    const key = keyOf(describeFigure(f, figures, i));
    if (key) f.indicator = key;
    else delete f.indicator;
  });
}

export function applyMeaning(all: Figure[], context: MeaningContext): Figure[] {
  const figures = settleKinds(context.text, all);
  splitRespectiveLists(context.text, figures);
  repairFragments(context.text, figures);
  assignIndicators(figures);
  markHeadlines(context.text, figures);
  markRestatements(figures);
  return figures;
}
