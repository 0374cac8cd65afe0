/**
 * The metric rules in the order they are tried: the first that applies names the figure. When
 * none does, the cleaned words before the number stand ('words-before'). Rules that read the
 * figure before come first (a from→to pair or a threshold is certain when it is there), then
 * the words after the unit, then the fallbacks for a figure that names nothing itself.
 */
import { endsWithChange, isVerbOnly, leadingAction, withoutTrailingAction } from '../metric';
import type { Rule } from './rule';
import { runFirst } from './rule';
import { GROWTH_UNITS, type MetricCase } from './cases';
import { changeOfPreviousAmount, changeOfPreviousRate, measureOfPrevious, newValueOfBaseline, thresholdNoun } from './metric-previous';
import { actorBeforeNounAfter, nounAfterUnit, reachObject } from './metric-after';
import {
  actionOnClauseBefore,
  actionOnPreviousCount,
  levelAfterIncrement,
  levelAfterRate,
  listConjunction,
  nounOfClauseBeforeRule,
  objectOfEarlierVerbRule,
  repeatPrevious,
} from './metric-bare';

export const METRIC_RULES: readonly Rule<MetricCase>[] = [
  thresholdNoun,
  newValueOfBaseline,
  changeOfPreviousRate,
  changeOfPreviousAmount,
  measureOfPrevious,
  reachObject,
  actorBeforeNounAfter,
  nounAfterUnit,
  listConjunction,
  levelAfterRate,
  levelAfterIncrement,
  repeatPrevious,
  nounOfClauseBeforeRule,
  objectOfEarlierVerbRule,
  actionOnClauseBefore,
  actionOnPreviousCount,
];

/** Metrics that end in an amount or attribute ("旅游总花费", "公路水运投资", "签约额"): a list item
 * like that is a measure of its own, not one more object of the list's action. */
const AMOUNT_END = /(?:投资|花费|收入|额|消费|让利|惠及|受益|总量|总数|累计|规模|产值|增加值|占比|比重|率|量|面积|里程)$/;

function sharedAction(c: MetricCase): string {
  const action = leadingAction(c.prevFig!.metric);
  return action && !/^(?:累计|再|新)$/.test(action) ? action : '';
}

/** "改造老旧小区4000个以上、城市危旧房3万套、城中村10万户": a list item that is only a noun
 * shares the action that opened the list. Tried after the rule that named the figure. */
export const listSharesAction: Rule<MetricCase> = {
  name: 'list-shares-action',
  applies: (c) =>
    c.prevFig !== null &&
    !c.nounAfter &&
    c.prevEnd === c.clauseStart &&
    c.text[c.clauseStart - 1] === '、' &&
    c.prevFig.end === c.clauseStart - 1 &&
    c.metric.length >= 2 &&
    !isVerbOnly(c.metric) &&
    !leadingAction(c.metric) &&
    !endsWithChange(c.metric) &&
    !AMOUNT_END.test(c.metric) &&
    withoutTrailingAction(c.metric) === c.metric &&
    !GROWTH_UNITS.has(c.unit) &&
    sharedAction(c) !== '',
  resolve: (c) => {
    c.metric = sharedAction(c) + c.metric;
  },
};

/** Names the figure of the case; returns the names of the rules that did. */
export function resolveMetric(c: MetricCase): string {
  let name = runFirst(METRIC_RULES, c) ?? 'words-before';
  if (listSharesAction.applies(c)) {
    listSharesAction.resolve(c);
    name += `+${listSharesAction.name}`;
  }
  return name;
}
