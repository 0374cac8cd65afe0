/**
 * Words of change and their direction. A % after one of them is a rate of change
 * ("国内生产总值增长5%"); linking folds them into a direction flag, so "粮食产量增长" and
 * "粮食产量增产" name one indicator rising. Every change word extraction reads has a direction here
 * (tests/unit/lexicon.test.ts holds that).
 */
export type Direction = 'up' | 'down';

/** The change verbs every report uses ("增长5%", "下降3.1%", "比上年减少"). */
export const CHANGE_VERBS: ReadonlyArray<readonly [string, Direction]> = [
  ['增长', 'up'],
  ['下降', 'down'],
  ['降低', 'down'],
  ['提高', 'up'],
  ['上涨', 'up'],
  ['上升', 'up'],
  ['增加', 'up'],
  ['减少', 'down'],
  // Output and income: "粮食增产2.1%", "农民增收" read as changes of 产量 and 收入.
  ['增产', 'up'],
  ['减产', 'down'],
];

/** "居民消费价格回落0.3个百分点": a fall back, read as a change too. */
export const FALL_BACK: ReadonlyArray<readonly [string, Direction]> = [['回落', 'down']];

/** Net and cut verbs that open a change after 分别 ("分别净减少10.6万、3.8万平方公里", "压减75%"). */
export const NET_AND_CUT: ReadonlyArray<readonly [string, Direction]> = [
  ['净减少', 'down'],
  ['净增加', 'up'],
  ['净增', 'up'],
  ['压减', 'down'],
  ['压降', 'down'],
  ['缩减', 'down'],
  ['削减', 'down'],
];

/** Nouns of change ("增速6%", "涨幅3%左右", "降幅收窄"). */
export const CHANGE_NOUNS: ReadonlyArray<readonly [string, Direction]> = [
  ['增速', 'up'],
  ['涨幅', 'up'],
  ['增幅', 'up'],
  ['降幅', 'down'],
  ['跌幅', 'down'],
];

/** Trend words that make a following % a change ("降幅收窄2.1个百分点", "差距缩小"). */
export const TRENDS: ReadonlyArray<readonly [string, Direction]> = [
  ['下滑', 'down'],
  ['收窄', 'down'],
  ['扩大', 'up'],
  ['缩小', 'down'],
];

/** One-character changes closing a phrase ("能耗降", "同比增"). */
export const CHANGE_CHARS: ReadonlyArray<readonly [string, Direction]> = [
  ['减', 'down'],
  ['增', 'up'],
  ['降', 'down'],
  ['涨', 'up'],
];

/** Comparatives standing alone as the change of the figure before ("比上年低0.3个百分点"). */
export const COMPARATIVES: ReadonlyArray<readonly [string, Direction]> = [
  ['低', 'down'],
  ['高', 'up'],
];

/** Words linking also reads as a direction: the rate names and 提升, which extraction keeps as a
 * level verb ("提升至") but a phrase can end in ("公共服务水平提升"). */
export const RATE_NAMES: ReadonlyArray<readonly [string, Direction]> = [
  ['增长率', 'up'],
  ['下降率', 'down'],
  ['提升', 'up'],
];

/** A % after this names the size of a change without its direction ("降价幅度"). */
export const DIRECTIONLESS_CHANGE = ['幅度'];

const words = (list: ReadonlyArray<readonly [string, Direction]>): string[] => list.map(([w]) => w);

/** The change verbs a run of listed figures follows ("…增加值增长13.6%、9.8%"). */
export const LIST_CHANGE_VERBS = [...words(CHANGE_VERBS), ...words(FALL_BACK)];

/** Every word that, closing a metric, makes a % after it a rate of change. */
export const CHANGE_ENDINGS = [...LIST_CHANGE_VERBS, ...words(CHANGE_NOUNS), ...words(TRENDS), ...words(CHANGE_CHARS), ...DIRECTIONLESS_CHANGE];

/** A metric made of nothing but one of these is the change of the figure before. */
export const CHANGE_ONLY_WORDS = [...LIST_CHANGE_VERBS, '增速', '涨幅', '增幅', '降幅', ...words(COMPARATIVES)];

/** The verbs that, after 分别, make the listed figures changes. */
export const RESPECTIVE_CHANGE_VERBS = [...LIST_CHANGE_VERBS, ...words(NET_AND_CUT)];

/** Every word with a direction, for linking: the phrase's last one gives the rate its direction. */
export const DIRECTION_OF: ReadonlyMap<string, Direction> = new Map([
  ...CHANGE_VERBS,
  ...FALL_BACK,
  ...NET_AND_CUT,
  ...CHANGE_NOUNS,
  ...TRENDS,
  ...CHANGE_CHARS,
  ...RATE_NAMES,
]);
