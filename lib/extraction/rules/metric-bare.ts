/**
 * Metric rules for a figure whose own words name nothing (empty, a bare verb, a list item) and
 * whose unit is followed by no noun: the name comes from the figure before, from the clause
 * before, or from the object an earlier verb of the sentence took.
 */
import {
  countedNoun,
  isActionOnly,
  isVerbOnly,
  nounOfClauseBefore,
  objectOfEarlierVerb,
  withoutChange,
  withoutIncrement,
  withoutTrailingAction,
} from '../metric';
import type { Rule } from './rule';
import { GROWTH_UNITS, type MetricCase } from './cases';
import { verbOnlyOrListed } from './metric-after';

/** "…、城市危旧房3万套以及": a list item whose noun does not follow keeps its words, without the conjunction. */
export const listConjunction: Rule<MetricCase> = {
  name: 'list-conjunction',
  applies: (c) => verbOnlyOrListed(c) && c.listed,
  resolve: (c) => {
    c.metric = c.metric.replace(/(?:以及|及|和|与|或)$/, '');
  },
};

function repeatsPrevious(c: MetricCase): boolean {
  return verbOnlyOrListed(c) && !c.metric && c.prevFig !== null;
}

function takePrevious(c: MetricCase, metric: string): void {
  c.metric = metric;
  if (c.sameUnitAsPrev) c.growth = c.prevFig!.growth === true;
}

/** "旅客吞吐量增长16.6%、突破8700万人次": a level after a rate is the level of the indicator, not of its change. */
export const levelAfterRate: Rule<MetricCase> = {
  name: 'level-after-rate',
  applies: (c) => repeatsPrevious(c) && !GROWTH_UNITS.has(c.unit) && (c.prevFig!.growth === true || GROWTH_UNITS.has(c.prevFig!.unit)),
  resolve: (c) => takePrevious(c, withoutChange(c.prevFig!.metric)),
};

/** "经营主体新增105万户、突破920万户": a bound or 达到 marks a level, not the increment. */
export const levelAfterIncrement: Rule<MetricCase> = {
  name: 'level-after-increment',
  applies: (c) => repeatsPrevious(c) && (c.touching.prefix !== null || c.touching.reach),
  resolve: (c) => takePrevious(c, withoutIncrement(c.prevFig!.metric)),
};

/** "增长7%以上、力争达到8%", "分别增长4.3%、6.1%": the item repeats the previous indicator. */
export const repeatPrevious: Rule<MetricCase> = {
  name: 'repeat-previous',
  applies: repeatsPrevious,
  resolve: (c) => takePrevious(c, c.prevFig!.metric),
};

/** "粮食总产量再上新台阶，突破1600亿斤大关": nothing names the figure in its own clause. */
export const nounOfClauseBeforeRule: Rule<MetricCase> = {
  name: 'noun-of-clause-before',
  applies: (c) => verbOnlyOrListed(c) && !c.metric && c.prevFig === null,
  resolve: (c) => {
    c.metric = nounOfClauseBefore(c.text, c.clauseStart, c.sentence.start);
  },
};

function bareAction(c: MetricCase): boolean {
  return verbOnlyOrListed(c) && isActionOnly(c.metric);
}

/** "发行超长期特别国债，…，今年先发行1万亿元": a bare action takes the object the same verb took earlier. */
export const objectOfEarlierVerbRule: Rule<MetricCase> = {
  name: 'object-of-earlier-verb',
  applies: (c) => bareAction(c) && objectOfEarlierVerb(c.text, c.metric, c.sentence.start, c.clauseStart) !== '',
  resolve: (c) => {
    c.metric = objectOfEarlierVerb(c.text, c.metric, c.sentence.start, c.clauseStart) + c.metric;
  },
};

/** "设立省青年科学基金、首批立项513个": a bare action acts on the noun of the clause before. */
export const actionOnClauseBefore: Rule<MetricCase> = {
  name: 'action-on-clause-before',
  applies: (c) => bareAction(c) && nounOfClauseBefore(c.text, c.clauseStart, c.sentence.start) !== '',
  resolve: (c) => {
    c.metric = nounOfClauseBefore(c.text, c.clauseStart, c.sentence.start) + c.metric;
  },
};

/** "开工300万平方米、完工100万平方米", "改造老旧小区6496个、惠及97.9万户": when the clause before
 * ends in a figure, a bare action acts on what that figure counts. */
export const actionOnPreviousCount: Rule<MetricCase> = {
  name: 'action-on-previous-count',
  applies: (c) => bareAction(c) && c.prevFig !== null && c.prevFig.end <= c.clauseStart && !isVerbOnly(c.prevFig.metric),
  resolve: (c) => {
    c.metric = countedNoun(withoutTrailingAction(c.prevFig!.metric)) + c.metric;
  },
};
