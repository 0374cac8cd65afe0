/**
 * Metric rules that read the words printed after the unit: the noun a count counts
 * ("新增9家社区综合为老服务中心") or who a verb reaches ("惠及3600多万农村学生").
 */
import { endsWithReachVerb, isActionOnly, isChangeOnly, isVerbOnly, nounOfClauseBefore } from '../metric';
import type { Rule } from './rule';
import { GROWTH_UNITS, type MetricCase } from './cases';

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** "营养改善计划惠及3600多万农村学生": who is reached follows the unit. */
export const reachObject: Rule<MetricCase> = {
  name: 'reach-object',
  applies: (c) => {
    if (!endsWithReachVerb(c.metric) || isVerbOnly(c.metric)) return false;
    const object = c.after();
    return object !== '' && !isDigit(c.text[c.text.indexOf(object, c.end) + object.length]);
  },
  resolve: (c) => {
    c.metric += c.after();
    c.nounAfter = true;
  },
};

/** The words before name no indicator: a bare verb, or a list item ending in a conjunction. */
export function verbOnlyOrListed(c: MetricCase): boolean {
  return isVerbOnly(c.metric) || c.listed;
}

/** A change word before a count takes the counted noun too ("增加超350个行政村通双车道公路");
 * before a rate it names the change of the indicator before. */
function nounFollows(c: MetricCase): boolean {
  return verbOnlyOrListed(c) && c.after() !== '' && (!isChangeOnly(c.metric) || !GROWTH_UNITS.has(c.unit));
}

/** The verb a list-opening figure's metric starts with ("新增社区综合为老服务中心" → "新增"). */
function openingVerb(metric: string): string {
  const m = /^(新增|新建|建成|完成|启动|引入|引进|新开工|开工|完工|竣工|筹措|布设|设置|拆除|新改扩建|实施|签约|新签约|打造|创建|加装|累计)/.exec(metric);
  return m ? m[1] : '';
}

/** The verb the counted noun after the unit goes with: ours, or for a list item with nothing
 * before it ("…、600张养老床位"), the verb of the item that opened the list. */
function verbOfNoun(c: MetricCase): string {
  const own = c.listed ? '' : c.metric;
  if (own || !c.prevFig) return own;
  const lead = c.text[c.touching.leadEnd - 1] ?? '';
  if ((c.prevEnd === c.clauseStart || c.prevEnd === c.prevFig.end) && /[、及和与]/.test(lead)) return openingVerb(c.prevFig.metric);
  return '';
}

/** "发放价格补贴，约6700万人受益": the words after the unit are only a verb; what reached them is
 * the noun of the clause before. */
export const actorBeforeNounAfter: Rule<MetricCase> = {
  name: 'actor-of-clause-before',
  applies: (c) => nounFollows(c) && !verbOfNoun(c) && isActionOnly(c.after()) && nounOfClauseBefore(c.text, c.clauseStart, c.sentence.start) !== '',
  resolve: (c) => {
    c.metric = nounOfClauseBefore(c.text, c.clauseStart, c.sentence.start) + c.after();
    c.nounAfter = true;
  },
};

/** "新增9家社区综合为老服务中心、600张养老床位": the counted noun follows the unit. */
export const nounAfterUnit: Rule<MetricCase> = {
  name: 'noun-after-unit',
  applies: nounFollows,
  resolve: (c) => {
    c.metric = verbOfNoun(c) + c.after();
    c.nounAfter = true;
  },
};
