/**
 * The indicator phrase a figure measures, read from the words of its clause.
 *
 * The phrase is what stands between the clause start and the quantity ("预计商品销售总额完成" →
 * "商品销售总额"), with time words, modal words and the linking verb trimmed. Verbs that name
 * what is counted (新增, 新建, 开工 …) are kept: "新增公租房供应" and "公租房供应" are told apart
 * (or merged) by the linker, which sees all figures. Change words (增长, 下降, 涨幅) are kept
 * because they make the figure a rate of change ("国内生产总值增长").
 */

import {
  ACTION_WORDS,
  CHANGE_ENDINGS,
  CHANGE_ONLY_WORDS,
  CHANGE_TO_VERBS,
  LEVEL_VERBS,
  LIST_SHARED_MODIFIERS,
  NOUN_MODIFIERS as MODIFIER_WORDS,
  REACH_VERBS,
  alternation,
  bucketBy,
  endsWithAny,
} from '../lexicon';

/** The longest clause read back from a figure: a run of words without a clause mark longer than
 * this is no phrase a reader would take as one (a line of figures with its punctuation stripped),
 * and reading it whole once per figure would make extraction quadratic in the line. */
export const MAX_CLAUSE = 200;

/** Clause marks: the metric never crosses one. */
export const CLAUSE_MARKS = new Set(['，', ',', '；', ';', '。', '：', ':', '、', '(', ')', '（', '）', '\n', '！', '？', '—']);

/** Words dropped from the start of the phrase (repeatedly): time, modality, conjunctions, scope. */
const LEADING_NOISE = [
  '预计',
  '力争',
  '争取',
  '确保',
  '计划',
  '预期',
  '全年',
  '今年',
  '年内',
  '当年',
  '同时',
  '其中',
  '此外',
  '另外',
  '以及',
  '并且',
  '拟',
  '将',
  '要',
  '并',
  '和',
  '及',
  '与',
  '共',
  '全省',
  '全市',
  '全区',
  '全国',
  '全县',
  '我省',
  '我市',
  '我区',
  '我国',
  '实现了',
  '实现',
  '其',
  '范围内',
  '每年',
  '的',
  '为',
];

/** Words dropped anywhere: comparison bases and time words carry no indicator meaning. */
const ANYWHERE_NOISE =
  /同比|[比较](?:上年|去年)(?:年初)?预算|比上年度?|较上年度?|比去年|较去年|比上届|较上届|[比较]\d{4}年(?:底|末)?|全年|今年|年内|分别|平均为|(?<![人年平])均(?=增长|下降|提高|降低|达|为|超过|保持|实现)/g;

/** Linking verbs dropped from the end of the phrase (repeatedly), longest first. */
const TRAILING_VERBS = [
  '分别达到',
  '分别为',
  ...LEVEL_VERBS,
  ...CHANGE_TO_VERBS,
  '扩大到',
  '扩大至',
  '减少到',
  '减少至',
  '回落到',
  '回落至',
  '降到',
  '升到',
  '增到',
  '减到',
  '缩小到',
  '缩小至',
  '缩短到',
  '缩短至',
  '压缩到',
  '压缩至',
  '达到了',
  '达到',
  '拟按',
  '按照',
  '增至',
  '降至',
  '升至',
  '超过',
  '突破',
  '完成了',
  '完成',
  '实现了',
  '实现',
  '总计',
  '合计',
  '累计达',
  '分别',
  '平均',
  '达',
  '为',
  '是',
  '在',
  '到',
  '至',
  '了',
  '的',
  '共',
  '拥有',
  '具有',
  '共有',
  '有',
  '按',
  '从',
  '由',
  '已达到',
  '已达',
  '已经',
  '已',
  '缩至',
  '缩到',
  // Milestone verbs ("地区生产总值迈上14万亿元新台阶", "粮食产量首次跃上1.4万亿斤") and the
  // adverbs before them.
  '跃升至',
  '跃升到',
  '迈上',
  '跃上',
  '站上',
  '跨上',
  '迈过',
  '跨过',
  '跃居',
  '首次',
  '再次',
  '历史性',
  '新台阶',
  '台阶',
  '再上',
  '登上',
  '继续保持',
  '保持',
  '继续',
  // "经济增长目标设定为6%左右", "工业固废综合利用率均达到60%以上".
  '预期目标设定',
  '目标设定',
  '预期目标',
  '目标',
  '均',
  // Hedges and modal words between the indicator and its verb ("数字经济增加值预计达到").
  '预计',
  '预期',
  '力争',
  '争取',
  '确保',
  '将',
  '要',
];

const VERB_ONLY = new RegExp(`^(?:${[...ACTION_WORDS].sort((a, b) => b.length - a.length).join('|')}){1,3}$`);
/** First characters of the action words: most phrases start with none of them, and a Set lookup
 * spares them the long alternation (isVerbOnly runs once or more per figure). */
const ACTION_FIRST = new Set(ACTION_WORDS.map((w) => w[0]));

/** Change words (lexicon): a % after one of these is a rate of change. */
const CHANGE_END = endsWithAny(CHANGE_ENDINGS);
/** A phrase that is nothing but a change word: the indicator is the previous figure's. */
const CHANGE_ONLY = new RegExp(`^(?:年均)?(?:${alternation(CHANGE_ONLY_WORDS)})$`);

const MAX_METRIC = 24;

/** A year that opens the phrase ("2024年全省地区生产总值"): it says when, which the figure's
 * year already carries, and left in it would keep one indicator from matching across years. */
const LEADING_YEAR = /^(?:\d{4}|[〇零○oO一二三四五六七八九]{4})年(?:度|底|末)?/;

/** Words that open with a noise word but are one word ("共同富裕", "和美乡村", "共享单车"). */
const KEEP_OPENING = /^(?:共同|共享|共建共|和美|和谐|及时|将来|其他|要素)/;

/** An enumeration opening the phrase ("十一是维修农村供水工程", "14.2025年10件民生实事", "③培训…"). */
const LEADING_ENUMERATION = /^(?:[一二三四五六七八九十]{1,3}是|\d{1,2}[.．、](?=\D|(?:19|20)\d\d年)|[①-⑳])/;

/** LEADING_NOISE by first character, longest first. */
const LEADING_BY_FIRST = new Map<string, string[]>();
for (const w of LEADING_NOISE) {
  const list = LEADING_BY_FIRST.get(w[0]) ?? [];
  list.push(w);
  LEADING_BY_FIRST.set(w[0], list);
}
for (const list of LEADING_BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

/** Characters a year or an enumeration can open with (digits, Chinese numerals, circled numbers). */
const NUMBERING_START = /^[0-9〇零○oO一二三四五六七八九十①-⑳]/;

function stripLeading(s: string): string {
  let changed = true;
  while (changed && s.length > 0) {
    changed = false;
    const year = NUMBERING_START.test(s) ? (LEADING_YEAR.exec(s) ?? LEADING_ENUMERATION.exec(s)) : null;
    if (year) {
      s = s.slice(year[0].length);
      changed = true;
      continue;
    }
    for (const w of LEADING_BY_FIRST.get(s[0]) ?? []) {
      if (s.startsWith(w) && !KEEP_OPENING.test(s)) {
        s = s.slice(w.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

/** TRAILING_VERBS by last character: most phrases end in a character that ends no verb. */
const TRAILING_BY_LAST = bucketBy(TRAILING_VERBS, (w) => w[w.length - 1]);
// Longest first within each list, so "上升到" is dropped whole rather than leaving "上" behind "升到".
for (const list of TRAILING_BY_LAST.values()) list.sort((a, b) => b.length - a.length);

const REACH_BLOCKERS = '下抵表传送通直发到';

function stripTrailing(s: string): string {
  let changed = true;
  while (changed && s.length > 0) {
    changed = false;
    for (const w of TRAILING_BY_LAST.get(s[s.length - 1]) ?? []) {
      // 达 closing 下达, 到达, 送达 … is part of that verb, which is part of the phrase
      // ("国家下达的").
      if (w === '达' && REACH_BLOCKERS.includes(s[s.length - 2] ?? '')) continue;
      // 均 closing 人均, 年均, 平均 is part of the measure.
      if (w === '均' && '人年平日月户'.includes(s[s.length - 2] ?? '')) continue;
      if (s.endsWith(w)) {
        s = s.slice(0, s.length - w.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

/** Cleans the words before a quantity into an indicator phrase (may return ''). */
export function cleanMetric(pre: string): string {
  let s = pre.replace(/\s+/g, '').replace(/[“”"‘’《》]/g, '');
  if (s.includes('（') || s.includes('(')) s = s.replace(/[（(][^（）()]{1,12}[）)]/g, '');
  s = s.replace(ANYWHERE_NOISE, '');
  // "重症床位数提升至每10万人": keep the per-capita base, drop the verb before it.
  const per = s.search(/每(?:[0-9]|人|户|生|亩|吨|平方米)/);
  if (per > 0) {
    const head = stripTrailing(stripLeading(s.slice(0, per)));
    s = head + s.slice(per);
  } else {
    s = stripLeading(s);
    s = stripTrailing(s);
    s = stripLeading(s);
  }
  if (s.length > MAX_METRIC) {
    s = s.slice(s.length - MAX_METRIC);
    // Start at a word boundary when one is near ("洲唯一的专业货运机场…" → "专业货运机场…").
    const joint = s.slice(0, 8).search(/[的和与及对向]/);
    if (joint >= 0 && s.length - joint > 8) s = s.slice(joint + 1);
  }
  return s;
}

/** Whether the phrase is made of action words only ("开工建设", "首批立项"), not a short noun. */
export function isActionOnly(metric: string): boolean {
  return metric.length > 0 && ACTION_FIRST.has(metric[0]) && metric.length <= 12 && VERB_ONLY.test(metric);
}

/** Whether the phrase names no indicator by itself: empty, a bare verb, or two characters. */
export function isVerbOnly(metric: string): boolean {
  return metric.length <= 2 || isActionOnly(metric);
}

/** A phrase ending in a conjunction ("…以及") lists items: the noun follows the unit. 及 closing
 * a verb (惠及, 涉及, 普及) is no conjunction. */
export function endsWithConjunction(pre: string): boolean {
  return /(?:以及|(?<![惠涉普波遍触危顾企论提])及|和|与|或)$/.test(pre);
}

export function endsWithChange(metric: string): boolean {
  return CHANGE_END.test(metric);
}

export function isChangeOnly(metric: string): boolean {
  return CHANGE_ONLY.test(metric);
}

/**
 * The noun a quantity counts when it is printed after the unit ("600张养老床位"): the run of
 * words up to the next clause mark, skipping line breaks inside a continued sentence, without a
 * leading 的.
 */
export function wordsAfter(text: string, from: number, limit: number): string {
  let i = from;
  while (i < limit && (text[i] === ' ' || text[i] === '\n')) i++;
  if (text[i] === '的') i++;
  let words = '';
  let runStart = i;
  while (i < limit && words.length + (i - runStart) < 16) {
    const c = text[i];
    if (c === '（' || c === '(') {
      // "12个县（市、区）入选…": the aside is skipped, the words after it go on.
      const close = asideClosing(text, i, limit);
      if (close >= 0) {
        words += text.slice(runStart, i);
        i = close + 1;
        runStart = i;
        continue;
      }
    }
    // A digit starts the next number, unless a Latin letter makes it a code ("国家4A级景区", "5G基站").
    if (CLAUSE_MARKS.has(c) || c === ' ' || (c >= '0' && c <= '9' && !/[A-Za-z]/.test(text[i + 1] ?? ''))) break;
    i++;
  }
  words += text.slice(runStart, i);
  // Milestone words ("突破2万亿元大关", "迈上新台阶") name no indicator.
  if (/^(?:大关|关口|新台阶|台阶)/.test(words)) return '';
  // Without the linking verb that introduces a next number ("60岁以上人口已达2.5亿" → "人口");
  // other verbs stay, they say what happened to what was counted ("民生实事全部完成").
  return words
    .replace(/[“”"‘’《》]/g, '')
    .replace(/(?:以及|及|和|与|或)$/, '')
    .replace(
      /(?:分别|均)?(?:已达到|已达|达到|(?<![下抵表传送通直发到])达|为|是|超过|稳定在|保持在|[降增升提][至到]|(?:提高|提升|增加|下降|降低)[至到]|由|从)$/,
      '',
    );
}

/** Two-character and longer action words: single characters (建, 设, 新) sit inside nouns. */
const ACTION_ANYWHERE = new RegExp(
  ACTION_WORDS.filter((w) => w.length >= 2)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);

/** Where the last action word of a phrase ends, or -1. */
function lastActionEnd(s: string): number {
  let end = -1;
  ACTION_ANYWHERE.lastIndex = 0;
  for (let m = ACTION_ANYWHERE.exec(s); m !== null; m = ACTION_ANYWHERE.exec(s)) end = m.index + m[0].length;
  return end;
}

/** Verbs whose object, printed after the unit, says who or what the figure counts
 * ("营养改善计划惠及3600多万农村学生"). */
export function endsWithReachVerb(metric: string): boolean {
  return REACH_END.test(metric);
}
const REACH_END = endsWithAny(REACH_VERBS);

/** Action words that also modify nouns ("服务业", "在建项目", "基本养老保险", "储备项目"): never
 * stripped from the head of a phrase. */
const NOUN_MODIFIERS = new Set(MODIFIER_WORDS);
/** Leading actions of a phrase: two-character words (single characters such as 建, 增, 设 open
 * nouns too), optionally after 新 or 再. */
const ACTION_HEAD = new RegExp(
  `^(?:新|再)?(?:${ACTION_WORDS.filter((w) => w.length >= 2 && !NOUN_MODIFIERS.has(w))
    .sort((a, b) => b.length - a.length)
    .join('|')})+`,
);

/**
 * What a metric counts, without the action that opens it or the change that closes it
 * ("新获批国家先进制造业集群" → "国家先进制造业集群", "国家级龙头企业新增" → "国家级龙头企业").
 * Used when a later figure of the sentence names only a running total or an attribute of it.
 */
export function countedNoun(metric: string): string {
  const head = ACTION_HEAD.exec(metric);
  let s = head && head[0].length < metric.length ? metric.slice(head[0].length) : metric;
  s = s.replace(/(?:新增|净增|增加|增长|新设|新认定|达到|达)$/, '');
  return s.length >= 2 ? s : metric;
}

/** A running total of what the figure before counted: "新增15家、总数达23家", "累计达8个". */
const RUNNING_TOTAL = /^(?:累计|总数|总量|总计|合计|累计总数|总数量|总规模|规模|存量|累计总量)$/;
/** An attribute of what the figure before counted: "项目136个、总投资2747亿元". */
const ATTRIBUTE = /^(?:计划|预计|累计)?(?:总投资|完成投资|投资|总金额|金额|总面积|面积|总里程|里程|总产值|产值|投资额|总额|资金|总资金|带动投资|撬动投资)$/;
/** A measure with no subject: "产量", "单产", "占比". */
const BARE_MEASURE = /^(?:产量|总产量|总产|单产|产值|总产值|营收|营业收入|利润|占比|比重|人数|数量|销售额|出口|进口|进出口)$/;
/** The subject of a metric that opens with a subject and then names a measure ("粮食播种面积"). */
const SUBJECT_BEFORE_MEASURE = /^(.{2,10}?)(?:增产|播种面积|种植面积|面积|产量|总产量|产值|规模|总量|数量|人数|收入|营收|投资|进出口|出口|增加值|销售额)/;
/** A comparison with a wider whole: "增长20.4%、高于全国12.4个百分点", "占全国1/4". */
const COMPARISON =
  /^(?:高于|低于|快于|慢于|领先|超出|超过|多于|占)(?:全国|全省|全市|全区|全球|全世界|全行业|东部|中部|西部|同期|全国平均|平均)?(?:平均)?(?:水平)?(?:的?比重)?$/;

/**
 * The metric of a figure whose own words only point back at the figure before it in the same
 * sentence, built from that figure's metric; null when the words name something by themselves.
 */
export function metricFromPrevious(metric: string, prev: { metric: string; unit: string; growth?: boolean }, unit: string): string | null {
  // Every pattern below matches at most a dozen characters.
  if (!prev.metric || metric.length === 0 || metric.length > 12) return null;
  if (RUNNING_TOTAL.test(metric)) {
    // "国内生产总值增长6.6%，总量突破90万亿元": the total of the indicator whose change came first.
    if (prev.growth && /^(?:总量|规模)$/.test(metric) && CHANGE_END.test(prev.metric)) return withoutChange(prev.metric);
    return prev.unit === unit ? countedNoun(prev.metric) + metric.replace(/^累计总/, '总') : null;
  }
  if (ATTRIBUTE.test(metric)) return prev.growth ? null : countedNoun(prev.metric) + metric;
  if (BARE_MEASURE.test(metric)) {
    // "粮食播种面积1266.6万亩、产量514.4万吨": the measure belongs to the subject of the one before.
    const subject = SUBJECT_BEFORE_MEASURE.exec(countedNoun(prev.metric));
    return subject ? subject[1] + metric : null;
  }
  if (COMPARISON.test(metric)) {
    // "占全国" measures a share of the level, not of its change; "高于全国" compares the change.
    const base = metric.startsWith('占') ? prev.metric.replace(CHANGE_END, '') : prev.metric;
    return base ? base + metric : null;
  }
  return null;
}

/**
 * The noun phrase of the clause before `clauseStart` in the sentence, for a figure whose own
 * clause is only a verb ("建立…“两项补贴”制度，惠及2100多万人"): the words after that clause's
 * last number, cleaned, when they are at most sixteen characters. '' when there is none.
 */
export function nounOfClauseBefore(text: string, clauseStart: number, sentenceStart: number): string {
  const end = clauseStart - 1;
  if (end <= sentenceStart) return '';
  let start = end;
  const floor = Math.max(sentenceStart, end - MAX_CLAUSE);
  while (start > floor && !CLAUSE_MARKS.has(text[start - 1])) start--;
  let words = text.slice(start, end);
  // Words after the clause's last number, past the magnitude and unit printed with it.
  const lastDigit = words.search(/[0-9][^0-9]*$/);
  if (lastDigit >= 0) words = words.slice(lastDigit + 1).replace(UNIT_CHARS_AT_START, '');
  let noun = cleanMetric(words);
  // The object of the clause's last action ("向困难群众发放一次性生活补助" → "一次性生活补助").
  const cut = lastActionEnd(noun);
  if (cut > 0 && noun.length - cut >= 3) noun = noun.slice(cut);
  // A longer clause is a statement, not a noun phrase: cut anywhere, it would start mid-word.
  if (noun.length > 16) return '';
  return noun.length >= 2 && !isVerbOnly(noun) && !/^(?:为|以|指)/.test(noun) ? noun : '';
}

/** Magnitudes, approximate marks and unit characters right after a number ("万余人次", "万平方米"):
 * they end the number, not start the noun. */
const UNIT_CHARS_AT_START = /^[.0-9]*[万亿千百多余个家项年名人户所座条件套台次元平方米公里千瓦吨亩斤场列辆间张幢栋%]*(?:以上|以下|左右|以内)?/;

/** A metric without the action word that closes it ("片区综合改造治理开工" → "片区综合改造治理"):
 * one word only, since the words before it often name the kind of work (改造, 加装). */
export function withoutTrailingAction(metric: string): string {
  const m = TRAILING_ACTION.exec(metric);
  if (!m || m.index < 2) return metric;
  // "电梯新签约" → "电梯": 新 and 再 go with the action they open.
  const head = metric.slice(0, m.index);
  return head.length >= 3 && /[新再]$/.test(head) ? head.slice(0, -1) : head;
}
const TRAILING_ACTION = new RegExp(
  `(?:${ACTION_WORDS.filter((w) => w.length >= 2)
    .sort((a, b) => b.length - a.length)
    .join('|')})$`,
);

/** Longest aside kept inside a word: "（管控）", "（市、区）", "（含艾滋病病毒感染儿童）". */
const MAX_ASIDE = 12;

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && c >= '\u4e00' && c <= '\u9fff';
}

/** Where a short aside opened at `open` closes, when words go on right after it; -1 otherwise. */
export function asideClosing(text: string, open: number, limit: number): number {
  const closer = text[open] === '（' ? '）' : ')';
  for (let j = open + 1; j < limit && j <= open + MAX_ASIDE + 1; j++) {
    const c = text[j];
    if (c === closer) return j > open + 1 && isWordChar(text[j + 1]) && isWordChar(text[open - 1]) ? j : -1;
    if (c !== '、' && CLAUSE_MARKS.has(c)) return -1;
  }
  return -1;
}

/** Where the short aside closed at `close` opens, when it sits inside a word; -1 otherwise. */
export function asideOpening(text: string, close: number, floor: number): number {
  const c = text[close];
  if (c !== '）' && c !== ')') return -1;
  const opener = c === '）' ? '（' : '(';
  for (let j = close - 1; j >= floor && j >= close - MAX_ASIDE - 1; j--) {
    if (text[j] === opener) return asideClosing(text, j, close + 1) === close ? j : -1;
    if (text[j] !== '、' && CLAUSE_MARKS.has(text[j])) return -1;
  }
  return -1;
}

/** A metric without the change word that closes it ("货邮吞吐量增长" → "货邮吞吐量"). */
export function withoutChange(metric: string): string {
  const m = CHANGE_END.exec(metric);
  return m && m.index >= 2 ? metric.slice(0, m.index) : metric;
}

/** A metric without the increment word that opens or closes it ("经营主体新增" → "经营主体"). */
export function withoutIncrement(metric: string): string {
  const s = metric.replace(/^(?:新增|净增)/, '').replace(/(?:新增|净增|增加)$/, '');
  return s.length >= 2 ? s : metric;
}

/**
 * For a bare action ("先发行"), the object the same verb took earlier in the sentence
 * ("拟连续几年发行超长期特别国债，…，今年先发行1万亿元" → "超长期特别国债"); '' when there is none.
 */
export function objectOfEarlierVerb(text: string, action: string, sentenceStart: number, before: number): string {
  const verbs = action.match(ACTION_ANYWHERE);
  ACTION_ANYWHERE.lastIndex = 0;
  const verb = verbs ? verbs[verbs.length - 1] : '';
  if (!verb) return '';
  // Looked for within the clause-length window before: a verb further back is another statement,
  // and an unbounded look would read the whole text once per figure.
  const from = Math.max(sentenceStart, before - MAX_CLAUSE);
  const at = text.slice(from, Math.max(from, before - 1)).lastIndexOf(verb);
  if (at < 0) return '';
  return objectAt(text, from + at + verb.length, before);
}

function objectAt(text: string, at: number, before: number): string {
  const object = cleanMetric(wordsAfter(text, at, before));
  return object.length >= 2 && object.length <= 16 && !isVerbOnly(object) ? object : '';
}

/** Leading actions a list shares: as ACTION_HEAD, but 改造, 治理, 培训, 规范, 集中 count as
 * actions here ("改造老旧小区…、城市危旧房…"): the item after them is a noun of its own. */
const LIST_ACTION_HEAD = new RegExp(
  `^(?:新|再)?(?:${ACTION_WORDS.filter((w) => w.length >= 2 && (!NOUN_MODIFIERS.has(w) || LIST_SHARED_MODIFIERS.includes(w)))
    .sort((a, b) => b.length - a.length)
    .join('|')})+`,
);

/** The action words a metric opens with, when a noun follows them ("改造老旧小区" → "改造"); ''. */
export function leadingAction(metric: string): string {
  const head = LIST_ACTION_HEAD.exec(metric);
  return head && metric.length - head[0].length >= 2 ? head[0] : '';
}

/** Where the clause holding `at` starts (never before `floor`). A short aside inside a word
 * ("农村生活污水治理（管控）率") does not end the clause. Kept beside CLAUSE_MARKS: it runs once per
 * figure over the characters before it. */
export function clauseStartBefore(text: string, at: number, sentenceFloor: number): number {
  const floor = Math.max(sentenceFloor, at - MAX_CLAUSE);
  let i = at - 1;
  for (;;) {
    while (i >= floor && !CLAUSE_MARKS.has(text[i])) i--;
    const open = i >= floor ? asideOpening(text, i, floor) : -1;
    if (open < 0) return i + 1;
    i = open - 1;
  }
}
