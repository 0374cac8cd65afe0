/**
 * What the rules read and write: a figure being built (Draft), the case a metric rule decides
 * (MetricCase), and the units that make a figure a rate of change.
 */
import type { Figure } from '../../model';
import type { TouchingQualifiers } from '../qualifiers';
import { metricFromPrevious, wordsAfter } from '../metric';
import { RATE_UNITS } from '../../lexicon';

export const GROWTH_UNITS = new Set(RATE_UNITS);

export interface Draft {
  figure: Figure;
  isBaseline: boolean;
  /** The metric was read from the words after the unit ("600张养老床位"). */
  nounAfter: boolean;
}

/** The inputs of the metric rules, and their outputs (metric, growth, nounAfter). */
export class MetricCase {
  /** The figure before in the sentence, when there is one. */
  readonly prevFig: Figure | null;
  readonly sameUnitAsPrev: boolean;
  private afterMemo: string | undefined;
  private fromPreviousMemo: string | null | undefined;

  constructor(
    readonly text: string,
    /** The unit as printed with the quantity. */
    readonly unit: string,
    /** Where the figure ends (after a bound such as 以上). */
    readonly end: number,
    readonly sentence: { start: number; end: number },
    readonly touching: TouchingQualifiers,
    /** Where the figure's clause starts. */
    readonly clauseStart: number,
    /** Where the words of this figure start: the clause start, or the end of the figure before. */
    readonly prevEnd: number,
    /** The words between prevEnd and the number, before cleaning. */
    readonly rawPre: string,
    readonly prev: Draft | null,
    /** The cleaned words before the number: the metric unless a rule says otherwise. */
    public metric: string,
    /** The words before ended in a conjunction ("…以及"): the noun follows the unit. */
    readonly listed: boolean,
  ) {
    this.prevFig = prev?.figure ?? null;
    this.sameUnitAsPrev = this.prevFig !== null && this.prevFig.unit === unit;
  }

  public growth = false;
  public nounAfter = false;

  /** The words right after the unit, up to the next clause mark ("600张养老床位" → "养老床位"). */
  after(): string {
    if (this.afterMemo === undefined) this.afterMemo = wordsAfter(this.text, this.end, this.sentence.end);
    return this.afterMemo;
  }

  /** The metric built from the figure before, when our words only point back at it. */
  fromPrevious(): string | null {
    if (this.fromPreviousMemo === undefined) {
      this.fromPreviousMemo = this.prevFig ? metricFromPrevious(this.metric, this.prevFig, this.unit) : null;
    }
    return this.fromPreviousMemo;
  }
}
