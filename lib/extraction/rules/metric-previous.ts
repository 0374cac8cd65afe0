/**
 * Metric rules that read the figure before in the same sentence: the words of this figure only
 * point back at it (a threshold it qualifies, a change of it, its total or attribute).
 */
import { isChangeOnly } from '../metric';
import type { Rule } from './rule';
import { GROWTH_UNITS, type MetricCase } from './cases';

/** "从288人次提升至1000人次": what joins a baseline to its new value. */
export const FROM_TO_JOIN = /^(?:提升|提高|增加|增长|扩大|下降|降低|减少|上升|缩短|压缩|缩小|压减|增|降|升|减)?(?:到|至)/;

/** Nouns a threshold figure qualifies ("10亿元以上项目", "亿元以上产业项目", "百亿元企业"). */
const THRESHOLD_NOUN = /(?:项目|企业|工程|园区|集群|产业|景区|城市)$/;

/** "总投资10亿元以上项目102个": the figure before qualifies the noun this one counts. */
export const thresholdNoun: Rule<MetricCase> = {
  name: 'threshold-noun',
  applies: (c) =>
    c.prevFig !== null &&
    c.prevEnd === c.prevFig.end &&
    !c.prev!.isBaseline &&
    !c.prev!.nounAfter &&
    !c.sameUnitAsPrev &&
    c.metric.length >= 1 &&
    c.metric.length <= 4 &&
    /^[^0-9，。；、]*$/.test(c.rawPre) &&
    THRESHOLD_NOUN.test(c.metric),
  resolve: (c) => {
    c.metric = `${c.prevFig!.metric}${c.prevFig!.text}${c.metric}`;
  },
};

/** "从288人次提升至1000人次": the new value of a from→to pair measures what its baseline measures. */
export const newValueOfBaseline: Rule<MetricCase> = {
  name: 'new-value-of-baseline',
  applies: (c) => c.prev !== null && c.prev.isBaseline && c.prevEnd === c.prev.figure.end,
  resolve: (c) => {
    c.metric = c.prevFig!.metric;
  },
};

/** "实到外资12.4亿美元(同比增长31.9%)" → "实到外资增长": a bare change word after a level is its rate. */
export const changeOfPreviousRate: Rule<MetricCase> = {
  name: 'change-of-previous-rate',
  applies: (c) => isChangeOnly(c.metric) && c.prevFig !== null && !c.prevFig.growth && GROWTH_UNITS.has(c.unit),
  resolve: (c) => {
    c.metric = c.prevFig!.metric + c.metric.replace(/^年均/, '');
    c.growth = true;
  },
};

/** "财政赤字2.38万亿元，比去年增加2000亿元": an amount of change of the previous level. */
export const changeOfPreviousAmount: Rule<MetricCase> = {
  name: 'change-of-previous-amount',
  applies: (c) => isChangeOnly(c.metric) && c.prevFig !== null && c.prevFig.metric !== '' && !GROWTH_UNITS.has(c.unit) && c.sameUnitAsPrev,
  resolve: (c) => {
    c.metric = c.prevFig!.metric + c.metric;
  },
};

/** "新增15家、总数达23家", "项目136个、总投资2747亿元", "增长20.4%、高于全国12.4个百分点": a running
 * total, an attribute, a bare measure or a comparison of what the figure before measured. */
export const measureOfPrevious: Rule<MetricCase> = {
  name: 'measure-of-previous',
  applies: (c) => c.prevFig !== null && c.fromPrevious() !== null && !c.after(),
  resolve: (c) => {
    c.metric = c.fromPrevious()!;
  },
};
