/**
 * The indicator phrase a figure measures, read from the words of its clause.
 *
 * The phrase is what stands between the clause start and the quantity ("预计商品销售总额完成" →
 * "商品销售总额"), with time words, modal words and the linking verb trimmed. Verbs that name
 * what is counted (新增, 新建, 开工 …) are kept: "新增公租房供应" and "公租房供应" are told apart
 * (or merged) by the linker, which sees all figures. Change words (增长, 下降, 涨幅) are kept
 * because they make the figure a rate of change ("国内生产总值增长").
 */

/** Clause marks: the metric never crosses one. */
export const CLAUSE_MARKS = new Set(['，', ',', '；', ';', '。', '：', ':', '、', '(', ')', '（', '）', '\n', '！', '？', '—']);

/** Words dropped from the start of the phrase (repeatedly): time, modality, conjunctions, scope. */
const LEADING_NOISE = [
  '预计', '力争', '争取', '确保', '计划', '预期', '全年', '今年', '年内', '当年', '同时', '其中', '此外',
  '另外', '以及', '并且', '拟', '将', '要', '并', '和', '及', '与', '共', '全省', '全市', '全区', '全国', '全县',
  '我省', '我市', '我区', '我国', '实现了', '实现', '其',
];

/** Words dropped anywhere: comparison bases and time words carry no indicator meaning. */
const ANYWHERE_NOISE = /同比|比上年度?|较上年度?|比去年|较去年|比上届|较上届|[比较]\d{4}年(?:底|末)?|全年|今年|年内|分别|平均为/g;

/** Linking verbs dropped from the end of the phrase (repeatedly), longest first. */
const TRAILING_VERBS = [
  '分别达到', '分别为', '控制在', '保持在', '稳定在', '维持在', '提高到', '提高至', '提升到', '提升至',
  '增加到', '增加至', '增长到', '增长至', '扩大到', '扩大至', '下降到', '下降至', '降低到', '降低至',
  '减少到', '减少至', '回落到', '回落至', '降到', '升到', '增到', '减到', '上升到', '上升至', '缩小到', '缩小至', '缩短到', '缩短至', '压缩到', '压缩至',
  '达到了', '达到', '拟按', '按照', '增至', '降至', '升至', '超过', '突破', '完成了', '完成', '实现了',
  '实现', '总计', '合计', '累计达', '分别', '平均', '达', '为', '是', '在', '到', '至', '了', '的', '共',
  '有', '按', '从', '由',
  // Milestone verbs ("地区生产总值迈上14万亿元新台阶", "粮食产量首次跃上1.4万亿斤") and the
  // adverbs before them.
  '跃升至', '跃升到', '迈上', '跃上', '站上', '跨上', '迈过', '跨过', '跃居', '首次', '再次', '历史性',
  // Hedges and modal words between the indicator and its verb ("数字经济增加值预计达到").
  '预计', '预期', '力争', '争取', '确保', '将', '要',
];

/** Phrases that are only a verb (or nothing): the counted noun then follows the unit. */
const VERB_ONLY = /^(?:(?:加快|加速|持续|大力|全面|积极|分批|稳步|有序|深入|着力)?(?:推进|推动|实施|启动|建设|完成|开展|打造)|新增|新建|建成|建设|完成|启动|引入|引进|开工|新开工|完工|竣工|改造|筹措|布设|设置|拆除|新改扩建|推进|实施|签约|新签约|培育|打造|创建|提供|支出|救助|加装|发放|投入|安排|新增设|累计|累计建成|累计完成|建立|开展|举办|吸引|带动|帮助|惠及|覆盖|涉及|认定|命名|推选|转化|引导|组建|培训|开设|开通|改建|新改建|新建改建|整治|清退|治理|修缮|实现|达|达到|超过)$/;

/** Change words: a % after one of these is a rate of change. */
const CHANGE_END = /(?:增长|下降|降低|提高|上涨|上升|增加|减少|回落|增速|涨幅|增幅|降幅|跌幅|下滑|收窄|扩大|缩小|减|增|降|涨|幅度)$/;
/** A phrase that is nothing but a change word: the indicator is the previous figure's. */
const CHANGE_ONLY = /^(?:年均)?(?:增长|下降|降低|提高|上涨|上升|增加|减少|回落|增速|涨幅|增幅|降幅)$/;

const MAX_METRIC = 24;

/** A year that opens the phrase ("2024年全省地区生产总值"): it says when, which the figure's
 * year already carries, and left in it would keep one indicator from matching across years. */
const LEADING_YEAR = /^(?:\d{4}|[〇零○oO一二三四五六七八九]{4})年(?:度|底|末)?/;

function stripLeading(s: string): string {
  let changed = true;
  while (changed && s.length > 0) {
    changed = false;
    const year = LEADING_YEAR.exec(s);
    if (year) {
      s = s.slice(year[0].length);
      changed = true;
      continue;
    }
    for (const w of LEADING_NOISE) {
      if (s.startsWith(w)) {
        s = s.slice(w.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

/** TRAILING_VERBS by last character, in list order: most phrases end in a character that ends no verb. */
const TRAILING_BY_LAST = new Map<string, string[]>();
for (const w of TRAILING_VERBS) {
  const list = TRAILING_BY_LAST.get(w[w.length - 1]) ?? [];
  list.push(w);
  TRAILING_BY_LAST.set(w[w.length - 1], list);
}

function stripTrailing(s: string): string {
  let changed = true;
  while (changed && s.length > 0) {
    changed = false;
    for (const w of TRAILING_BY_LAST.get(s[s.length - 1]) ?? []) {
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
  s = s.replace(ANYWHERE_NOISE, '');
  // "重症床位数提升至每10万人": keep the per-capita base, drop the verb before it.
  const per = s.search(/每[0-9]/);
  if (per > 0) {
    const head = stripTrailing(stripLeading(s.slice(0, per)));
    s = head + s.slice(per);
  } else {
    s = stripLeading(s);
    s = stripTrailing(s);
    s = stripLeading(s);
  }
  if (s.length > MAX_METRIC) s = s.slice(s.length - MAX_METRIC);
  return s;
}

/** Whether the phrase names no indicator by itself: empty, a bare verb, or two characters. */
export function isVerbOnly(metric: string): boolean {
  return metric.length <= 2 || VERB_ONLY.test(metric);
}

/** A phrase ending in a conjunction ("…以及") lists items: the noun follows the unit. */
export function endsWithConjunction(pre: string): boolean {
  return /(?:以及|及|和|与|或)$/.test(pre);
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
  const start = i;
  while (i < limit && i - start < 16) {
    const c = text[i];
    if (CLAUSE_MARKS.has(c) || c === ' ' || (c >= '0' && c <= '9')) break;
    i++;
  }
  return text
    .slice(start, i)
    .replace(/[“”"‘’《》]/g, '')
    .replace(/(?:以及|及|和|与|或)$/, '');
}
