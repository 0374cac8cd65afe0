/**
 * extractFigures: every digit-bearing figure of a normalised report text, with its value in base
 * units, unit, qualifier, kind, year or period, indicator phrase and sentence.
 *
 * One pass over precomputed sentences; inside a sentence, one forward scan for digits. Each
 * figure looks only at its own sentence (and at the figure before it in that sentence, for
 * "同比增长31.9%" and list items sharing a verb), so the cost is linear in the text.
 */
import type { Figure, FigureKind, Section, SectionKind, YearSpan } from '../model';
import type { ReportMeta } from '../report';
import { readQuantity, readNumeral, type Quantity } from './numbers';
import { whyNotFigure } from './exclusions';
import { chooseQualifier, readTouchingQualifiers } from './qualifiers';
import {
  clauseStartBefore,
  countedNoun,
  cleanMetric,
  endsWithChange,
  endsWithConjunction,
  isChangeOnly,
  isActionOnly,
  isVerbOnly,
  leadingAction,
  endsWithReachVerb,
  metricFromPrevious,
  nounOfClauseBefore,
  objectOfEarlierVerb,
  withoutChange,
  withoutIncrement,
  withoutTrailingAction,
  wordsAfter,
} from './metric';
import { splitSentences, isParagraphStart } from './sentences';
import {
  SectionCursor,
  explicitYear,
  findTargetStatements,
  kindFor,
  paragraphScope,
  type ParagraphScope,
} from './scope';

export interface ExtractContext {
  sections: Section[];
  meta: ReportMeta;
}

const GROWTH_UNITS = new Set(['%', '个百分点', '百分点', '‰', '倍']);
/** "从288人次提升至1000人次": what joins a baseline to its new value. */
const FROM_TO_JOIN = /^(?:提升|提高|增加|增长|扩大|下降|降低|减少|上升|缩短|压缩|缩小|压减|增|降|升|减)?(?:到|至)/;
const TARGET_NOUN_AFTER = /^(?:的)?(?:预期)?目标/;
/** Metrics that end in an amount or attribute ("旅游总花费", "公路水运投资", "签约额"): a list item
 * like that is a measure of its own, not one more object of the list's action. */
const AMOUNT_END = /(?:投资|花费|收入|额|消费|让利|惠及|受益|总量|总数|累计|规模|产值|增加值|占比|比重|率|量|面积|里程)$/;
/** Nouns a threshold figure qualifies ("10亿元以上项目", "亿元以上产业项目", "百亿元企业"). */
const THRESHOLD_NOUN = /(?:项目|企业|工程|园区|集群|产业|景区|城市)$/;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

interface Draft {
  figure: Figure;
  isBaseline: boolean;
  /** The metric was read from the words after the unit ("600张养老床位"). */
  nounAfter: boolean;
}

export function extractFigures(text: string, context: ExtractContext): Figure[] {
  const { meta } = context;
  const sections = [...context.sections].sort((a, b) => a.start - b.start);
  const cursor = new SectionCursor(sections);
  const targetSpans = findTargetStatements(text);
  let targetIdx = 0;
  const figures: Figure[] = [];

  let scope: ParagraphScope = null;
  let scopeSection: Section | null = null;

  for (const sentence of splitSentences(text)) {
    const section = cursor.at(sentence.start);
    const sectionKind: SectionKind = section?.kind ?? 'other';
    const reviewYear =
      section && section.kind === 'review' ? section.year ?? section.period?.to ?? meta.reviewYear : meta.reviewYear;

    // Paragraph scope ("五年来，…", "过去一年，…") holds until the next such opening or section.
    if (section !== scopeSection) {
      scope = null;
      scopeSection = section;
    }
    if (sectionKind !== 'plan' && isParagraphStart(text, sentence.start)) {
      const opened = paragraphScope(text.slice(sentence.start, sentence.start + 16), reviewYear);
      if (opened) scope = opened;
    }

    while (targetIdx < targetSpans.length && targetSpans[targetIdx][1] <= sentence.start) targetIdx++;

    const sentenceText = text.slice(sentence.start, sentence.end);
    const estimateAt = sentenceText.indexOf('预计');
    const drafts: Draft[] = [];

    let i = sentence.start;
    while (i < sentence.end) {
      if (!isDigit(text[i]) || (i > sentence.start && (isDigit(text[i - 1]) || text[i - 1] === '.'))) {
        i++;
        continue;
      }
      const q = readQuantity(text, i);
      if (!q || q.end > sentence.end) {
        i = Math.max(i + 1, readNumeral(text, i));
        continue;
      }
      const numeralEnd = readNumeral(text, i);
      const why = whyNotFigure(text, q, numeralEnd);
      if (why) {
        i = Math.max(q.end, numeralEnd);
        continue;
      }
      const draft = buildFigure(text, q, {
        sentence,
        sentenceText,
        sectionKind,
        section,
        meta,
        reviewYear,
        scope,
        estimateAt,
        prev: drafts.length > 0 ? drafts[drafts.length - 1] : null,
        inTargetStatement: targetIdx < targetSpans.length && targetSpans[targetIdx][0] <= q.start && q.start < targetSpans[targetIdx][1],
      });
      drafts.push(draft);
      i = Math.max(q.end, draft.figure.end);
    }
    if (drafts.length >= 2) distributeRespectively(text, sentence, drafts, sentenceText.includes('分别'));
    for (const d of drafts) figures.push(d.figure);
  }
  return figures;
}

interface FigureContext {
  sentence: { start: number; end: number };
  sentenceText: string;
  sectionKind: SectionKind;
  section: Section | null;
  meta: ReportMeta;
  reviewYear: number | null;
  scope: ParagraphScope;
  estimateAt: number;
  prev: Draft | null;
  inTargetStatement: boolean;
}

function buildFigure(text: string, q: Quantity, c: FigureContext): Draft {
  const { sentence } = c;
  const touching = readTouchingQualifiers(text, q.start, q.end, sentence.start);
  const start = touching.prefix ? touching.prefixStart : q.start;
  const end = touching.suffixEnd;

  // The clause the figure sits in; words before it never belong to its metric.
  const clauseStart = clauseStartBefore(text, touching.leadEnd, sentence.start);
  const prevEnd = c.prev && c.prev.figure.end > clauseStart && c.prev.figure.end <= touching.leadEnd ? c.prev.figure.end : clauseStart;
  // Words between the previous figure and this one were that figure's counted noun when it read
  // its metric from after its unit ("新增6座口袋公园及12座街心花园"): they are not ours.
  // A run of years before the number ("耕地面积连续4年净增累计超过170万亩") says for how long, not
  // what: the words before it still name this figure.
  const spanBefore = prevEnd === c.prev?.figure.end && isRunOfYears(text, c.prev.figure, clauseStart);
  const rawPre = spanBefore
    ? text.slice(clauseStart, c.prev!.figure.start).replace(/连续$/, '') + text.slice(prevEnd, touching.leadEnd)
    : c.prev?.nounAfter && prevEnd === c.prev.figure.end
      ? ''
      : text.slice(prevEnd, touching.leadEnd);
  const clauseBefore = text.slice(clauseStart, touching.leadEnd);

  // Baseline: "从288人次提升至1000人次" / "由54.9%提高到58.8%".
  const afterText = text.slice(end, Math.min(end + 8, sentence.end));
  // The words between 从 and the number ("从月销售额3万元", "从每人每月2375元") say what is measured.
  const fromMatch = /(?:从|由)([^0-9，。；、从由]{0,6})$/.exec(rawPre);
  const joinMatch = FROM_TO_JOIN.exec(afterText);
  const isBaseline = fromMatch !== null && joinMatch !== null && /^(?:[^0-9，。；、]{0,3})[0-9]/.test(afterText.slice(joinMatch[0].length));
  const pre = fromMatch && isBaseline ? rawPre.slice(0, fromMatch.index) + fromMatch[1] : rawPre;

  let metric = cleanMetric(pre);
  let growth = false;
  let nounAfter = false;
  const listed = endsWithConjunction(metric);
  const prevFig = c.prev?.figure ?? null;
  const sameUnitAsPrev = prevFig !== null && prevFig.unit === q.unit;
  let fromPrevious: string | null = null;
  let reachObject = '';

  if (
    prevFig &&
    prevEnd === prevFig.end &&
    !c.prev?.isBaseline &&
    !c.prev?.nounAfter &&
    !sameUnitAsPrev &&
    metric.length >= 1 &&
    metric.length <= 4 &&
    /^[^0-9，。；、]*$/.test(rawPre) &&
    THRESHOLD_NOUN.test(metric)
  ) {
    // "总投资10亿元以上项目102个": the figure before qualifies the noun this one counts.
    metric = `${prevFig.metric}${prevFig.text}${metric}`;
  } else if (c.prev?.isBaseline && prevEnd === c.prev.figure.end) {
    // The new value of a from→to pair measures what its baseline measures.
    metric = c.prev.figure.metric;
  } else if (isChangeOnly(metric) && prevFig && !prevFig.growth && GROWTH_UNITS.has(q.unit)) {
    // "实到外资12.4亿美元(同比增长31.9%)" → "实到外资增长".
    metric = prevFig.metric + metric.replace(/^年均/, '');
    growth = true;
  } else if (isChangeOnly(metric) && prevFig && prevFig.metric && !GROWTH_UNITS.has(q.unit) && sameUnitAsPrev) {
    // "财政赤字2.38万亿元，比去年增加2000亿元": an amount of change of the previous level.
    metric = prevFig.metric + metric;
  } else if (prevFig && (fromPrevious = metricFromPrevious(metric, prevFig, q.unit)) !== null && !wordsAfter(text, end, sentence.end)) {
    // "新增15家、总数达23家", "项目136个、总投资2747亿元", "增长20.4%、高于全国12.4个百分点".
    metric = fromPrevious;
  } else if (
    endsWithReachVerb(metric) &&
    !isVerbOnly(metric) &&
    (reachObject = wordsAfter(text, end, sentence.end)) &&
    !isDigit(text[text.indexOf(reachObject, end) + reachObject.length])
  ) {
    // "营养改善计划惠及3600多万农村学生": who is reached follows the unit.
    metric += reachObject;
    nounAfter = true;
  } else if (isVerbOnly(metric) || listed) {
    const after = wordsAfter(text, end, sentence.end);
    // A change word before a count takes the counted noun too ("增加超350个行政村通双车道公路");
    // before a rate it names the change of the indicator before.
    if (after && (!isChangeOnly(metric) || !GROWTH_UNITS.has(q.unit))) {
      // "新增9家社区综合为老服务中心、600张养老床位": the counted noun follows the unit; a list
      // item with nothing before it shares the verb of the item that opened the list.
      let verb = listed ? '' : metric;
      if (!verb && prevFig && (prevEnd === clauseStart || prevEnd === prevFig.end) && /[、及和与]/.test(text[touching.leadEnd - 1] ?? '')) {
        verb = prevVerb(prevFig);
      }
      metric = verb + after;
      nounAfter = true;
      // "发放价格补贴，约6700万人受益": the words after are only a verb; what reached them is
      // the noun of the clause before.
      if (!verb && isActionOnly(after)) {
        const noun = nounOfClauseBefore(text, clauseStart, sentence.start);
        if (noun) metric = noun + after;
      }
    } else if (listed) {
      metric = metric.replace(/(?:以及|及|和|与|或)$/, '');
    } else if (!metric && prevFig) {
      // "增长7%以上、力争达到8%", "分别增长4.3%、6.1%": the item repeats the previous indicator.
      metric = prevFig.metric;
      if (sameUnitAsPrev) growth = prevFig.growth === true;
      if (!GROWTH_UNITS.has(q.unit) && (prevFig.growth || GROWTH_UNITS.has(prevFig.unit))) {
        // "旅客吞吐量增长16.6%、突破8700万人次": a level after a rate is the level of the
        // indicator, not of its change.
        metric = withoutChange(metric);
      } else if (touching.prefix || touching.reach) {
        // "经营主体新增105万户、突破920万户": a bound or 达到 marks a level, not the increment.
        metric = withoutIncrement(metric);
      }
    } else if (!metric && !prevFig) {
      // "粮食总产量再上新台阶，突破1600亿斤大关": nothing names the figure in its own clause.
      metric = nounOfClauseBefore(text, clauseStart, sentence.start);
    } else if (isActionOnly(metric)) {
      // "设立省青年科学基金、首批立项513个": a bare action with nothing after the
      // unit acts on the noun of the clause before; when that clause ends in a figure
      // ("开工300万平方米、完工100万平方米", "改造老旧小区6496个、惠及97.9万户"), on what that
      // figure counts.
      const noun = objectOfEarlierVerb(text, metric, sentence.start, clauseStart) || nounOfClauseBefore(text, clauseStart, sentence.start);
      if (noun) metric = noun + metric;
      else if (prevFig && prevFig.end <= clauseStart && !isVerbOnly(prevFig.metric)) metric = countedNoun(withoutTrailingAction(prevFig.metric)) + metric;
    }
  }
  // "改造老旧小区4000个以上、城市危旧房3万套、城中村10万户": a list item that is only a noun
  // shares the action that opened the list.
  if (
    prevFig &&
    !nounAfter &&
    prevEnd === clauseStart &&
    text[clauseStart - 1] === '、' &&
    prevFig.end === clauseStart - 1 &&
    metric.length >= 2 &&
    !isVerbOnly(metric) &&
    !leadingAction(metric) &&
    !endsWithChange(metric) &&
    !AMOUNT_END.test(metric) &&
    withoutTrailingAction(metric) === metric &&
    !GROWTH_UNITS.has(q.unit)
  ) {
    const action = leadingAction(prevFig.metric);
    if (action && !/^(?:累计|再|新)$/.test(action)) metric = action + metric;
  }
  if (!growth && GROWTH_UNITS.has(q.unit) && endsWithChange(metric) && !isBaseline) growth = true;
  if (!growth && GROWTH_UNITS.has(q.unit) && /(?:增长|下降|降低|提高|上涨|上升|增加|减少)$/.test(clauseBefore.replace(/(?:约|近|超过|超)$/, ''))) {
    growth = true;
  }

  // Qualifier and kind.
  const strive = /力争/.test(clauseBefore);
  const estimateCue = c.estimateAt >= 0 && c.estimateAt < q.start - c.sentence.start;
  const qualifier = chooseQualifier(touching, q.approx, strive, estimateCue);
  const followedByTargetNoun = TARGET_NOUN_AFTER.test(text.slice(end, end + 6));
  let kind: FigureKind = kindFor({
    section: c.sectionKind,
    inTargetStatement: c.inTargetStatement,
    estimateCue,
    sentenceBefore: text.slice(c.sentence.start, q.start),
    followedByTargetNoun,
  });
  if (isBaseline) kind = 'baseline';

  // Year or period.
  let year: number | null = null;
  let period: YearSpan | null = null;
  const explicit = explicitYear(text.slice(c.sentence.start, q.start));
  if (explicit !== null) {
    year = explicit;
  } else if (c.scope && 'period' in c.scope) {
    period = c.scope.period;
  } else if (c.scope && 'year' in c.scope) {
    year = c.scope.year;
  } else if (c.section && c.section.kind !== 'other' && (c.section.year !== null || c.section.period)) {
    year = c.section.year;
    period = c.section.year === null ? c.section.period : null;
  } else if (c.sectionKind === 'review' || kind === 'actual' || kind === 'estimate') {
    year = c.meta.reviewYear;
  } else if (c.sectionKind === 'plan' || kind === 'target') {
    year = c.meta.planYear;
  }

  // "每立方米20微克": the base printed before the number makes the unit a rate (微克/立方米).
  let unit = q.unit;
  const perBase = /每(立方米|平方米|平方公里|千瓦时|公斤|千克|吨|亩|斤)$/.exec(text.slice(Math.max(sentence.start, touching.leadEnd - 6), touching.leadEnd));
  if (perBase && /^(?:微克|毫克|元|公斤|千克|斤|吨|千瓦时|立方米)$/.test(unit)) unit = `${unit}/${perBase[1]}`;

  const figure: Figure = {
    start,
    end,
    text: text.slice(start, end),
    value: q.value,
    unit,
    qualifier,
    kind,
    section: c.sectionKind,
    year,
    metric,
    sentence: c.sentenceText,
    sentenceStart: sentence.start,
  };
  if (q.valueMax !== undefined) figure.valueMax = q.valueMax;
  if (period) figure.period = period;
  if (growth) figure.growth = true;
  return { figure, isBaseline, nounAfter };
}

/** "连续4年", "连续24个月": a figure that counts how long something lasted, printed inside the
 * clause of the figure it qualifies. */
function isRunOfYears(text: string, f: Figure, clauseStart: number): boolean {
  return (f.unit === '年' || f.unit === '个月') && f.start >= clauseStart + 2 && text.slice(f.start - 2, f.start) === '连续';
}

/** The verb a list-opening figure's metric starts with ("新增社区综合为老服务中心" → "新增"). */
function prevVerb(f: Figure): string {
  const m = /^(新增|新建|建成|完成|启动|引入|引进|新开工|开工|完工|竣工|筹措|布设|设置|拆除|新改扩建|实施|签约|新签约|打造|创建|加装|累计)/.exec(f.metric);
  return m ? m[1] : '';
}

/**
 * An earlier subject of a 分别 list completed with the tail it shares with the last one: the
 * list prints the shared words once, after the last item ("城镇居民、农村居民人均可支配收入",
 * "先进制造业、高技术制造业增加值"). The tail starts where the last item first repeats the head's
 * ending (居民, 业): parallel items end alike. A head that already ends like the last item
 * ("一般公共预算收入、税收收入") is whole. A head of one or two characters that the last item
 * never echoes (城镇/农村, 粮食/棉花, 一/二/三产业) was cut short: it takes the last item's words
 * past its own length. Longer heads with no echo ("城镇调查失业率、居民消费价格涨幅") stay as printed.
 */
function completeSubject(head: string, last: string): string {
  if (head.length === 0 || last.length <= head.length) return head;
  for (const n of [2, 1]) {
    if (head.length < n + 1 && n === 2) continue;
    const ending = head.slice(head.length - n);
    if (last.endsWith(ending)) return head;
    const at = last.indexOf(ending, 1);
    if (at < 0) continue;
    const tail = last.slice(at + n);
    return tail.length >= 2 ? head + tail : head;
  }
  // No echo: the shared measure the last item ends with ("家电、新能源汽车零售额" → "家电零售额",
  // "新一代信息技术、高端装备产业增加值"), unless the last item is the head's length plus that
  // measure, when the head was cut short ("城镇、农村居民人均可支配收入", "粮食、棉花产量").
  const measure = MEASURE_TAIL.exec(last);
  const cutShort = head.length <= 2 && last.length - head.length >= 2;
  if (measure && !MEASURE_END.test(head) && (!cutShort || last.length > head.length + measure[0].length + 2)) return head + measure[0];
  if (cutShort) return head + last.slice(head.length);
  return head;
}

/** Measures a list of subjects shares, printed once after the last subject. */
const MEASURE_TAIL = /(?:居民人均可支配收入|人均可支配收入|增加值|零售额|销售额|营业收入|营收|产值|产量|利润|贷款|投资|出口额|进出口额|人均财政补助标准|财政补助标准|补助标准)$/;
/** A subject that already ends in a measure is whole. */
const MEASURE_END = /(?:值|额|量|率|入|资|款|口|润|数|比|重|幅|价|耗|规模|营收)$/;

/**
 * "城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内", "城镇、农村居民人均可支配收入分别增长
 * 4.6%、6.7%": a list of subjects, 分别, then as many figures. Each figure measures its own
 * subject; read one by one, every figure would take the last subject. A two-character subject
 * shortened by the list ("城镇、农村居民…") borrows the tail of the last one ("城镇" → "城镇居民人均可支配收入").
 * Nothing changes unless the counts agree.
 */
function distributeRespectively(text: string, sentence: { start: number; end: number }, drafts: Draft[], hasRespectively: boolean): void {
  if (hasRespectively) distributeAfterRespectively(text, sentence, drafts);
  distributeListedRuns(text, sentence, drafts);
}

/** Marks that end a list of subjects (、 and 和 join subjects, so they are not here). */
const SUBJECT_STOPS = new Set(['，', ',', '；', ';', '：', ':', '。', '(', '（', '\n']);

const CHANGE_VERB_START = /^再?(?:增长|下降|降低|提高|上涨|上升|增加|减少|回落|净减少|净增加|净增|压减|压降|缩减|削减)(?![到至])/;
/** Whether two figures are joined by one list mark and nothing else ("13.6%、9.8%"). */
function joinedInList(text: string, a: Figure, b: Figure): boolean {
  return b.start - a.end === 1 && '、和及与'.includes(text[a.end]);
}

/**
 * "新一代信息技术、高端装备产业增加值增长13.6%、9.8%", "生产安全事故起数、死亡人数下降17.6%、
 * 11.6%": 分别 left out, the list still pairs up when a change verb stands right before a run of
 * figures with nothing between them, and the subjects before the verb number as many as the
 * figures. Levels ("达到3万家、4.5万家") are left alone: without 分别 they as often repeat one
 * subject at two dates.
 */
function distributeListedRuns(text: string, sentence: { start: number; end: number }, drafts: Draft[]): void {
  let first = 0;
  while (first < drafts.length - 1) {
    let last = first;
    while (last + 1 < drafts.length && joinedInList(text, drafts[last].figure, drafts[last + 1].figure)) last++;
    const count = last - first + 1;
    const start = drafts[first].figure.start;
    if (count >= 2) {
      let from = start;
      while (from > sentence.start && !SUBJECT_STOPS.has(text[from - 1])) from--;
      const before = text.slice(from, start);
      const verb = /(?:增长|下降|降低|提高|上涨|上升|增加|减少|回落)$/.exec(before);
      if (verb && !before.includes('分别')) {
        const parts = before.slice(0, verb.index).split(/、/).map((p) => cleanMetric(p)).filter((p) => p.length > 0);
        if (parts.length === count) {
          const tailOf = parts[parts.length - 1];
          assignSubjects(drafts, first, last, parts.map((p, k) => (k < count - 1 ? completeSubject(p, tailOf) : p)), verb[0]);
        }
      }
    }
    first = last + 1;
  }
}

/** Gives the figures drafts[first..last] their subjects, the change verb, and the unit printed once
 * after the last ("分别提高11.1、11.2个百分点"). */
function assignSubjects(drafts: Draft[], first: number, last: number, subjects: string[], change: string): void {
  const lastUnit = drafts[last].figure.unit;
  const lastHasMagnitude = /[0-9][多余]?[万亿千]/.test(drafts[last].figure.text);
  for (let k = 0; k <= last - first; k++) {
    const d = drafts[first + k];
    const subject = subjects[k];
    // "净减少10.6万、3.8万、3.3万平方公里": the unit is printed once, after the last figure. A
    // magnitude printed on the last but not on this one ("3、5万元") leaves the unit alone:
    // the value read would be wrong with it.
    if (!d.figure.unit && lastUnit) {
      const plain = /^[0-9.]+$/.test(d.figure.text);
      const hasMagnitude = /[0-9][多余]?[万亿千]/.test(d.figure.text);
      if ((plain && GROWTH_UNITS.has(lastUnit)) || (!GROWTH_UNITS.has(lastUnit) && hasMagnitude === lastHasMagnitude)) d.figure.unit = lastUnit;
    }
    d.figure.metric = subject + change;
    if (GROWTH_UNITS.has(d.figure.unit)) {
      if (change || endsWithChange(subject)) d.figure.growth = true;
      else delete d.figure.growth;
    }
  }
}

function distributeAfterRespectively(text: string, sentence: { start: number; end: number }, drafts: Draft[]): void {
  const re = /分别/g;
  const sentenceText = text.slice(sentence.start, sentence.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentenceText)) !== null) {
    const at = sentence.start + m.index;
    const after = at + 2;
    // The run of figures right after 分别 and its verb, joined by 、 和 及 与.
    const first = drafts.findIndex((d) => d.figure.start >= after);
    if (first < 0) continue;
    if (!/^[^，,；;。：:、0-9]{0,6}$/.test(text.slice(after, drafts[first].figure.start))) continue;
    let last = first;
    while (last + 1 < drafts.length && /^(?:、|和|及|与|,|，)$/.test(text.slice(drafts[last].figure.end, drafts[last + 1].figure.start))) last++;
    const count = last - first + 1;
    if (count < 2) continue;
    // The subjects: back from 分别 to the clause start (、 separates subjects, not clauses).
    let from = at;
    while (from > sentence.start && !SUBJECT_STOPS.has(text[from - 1])) from--;
    const rawParts = text.slice(from, at).split(/、|和|与|及/);
    let subjects: string[];
    if (from === at) {
      // "…占外贸比重78.7%，…占出口比重62.6%，分别提高11.1、11.2个百分点": 分别 opens its clause,
      // so the subjects are the figures just before the run, one per clause.
      if (first < count) continue;
      const before = drafts.slice(first - count, first);
      if (before.some((d) => !d.figure.metric || d.figure.growth)) continue;
      subjects = before.map((d) => d.figure.metric);
    } else if (rawParts.length === count && rawParts.slice(1).every((p) => /^\s*(?:同比|环比)\s*$/.test(p)) && /(?:同比|环比)\s*$/.test(rawParts[0])) {
      // "网签销售面积环比、同比分别增长51.3%、15.3%": one subject measured against two bases.
      const head = cleanMetric(rawParts[0].replace(/(?:同比|环比)\s*$/, ''));
      if (!head) continue;
      subjects = rawParts.map((p) => (p.trim().startsWith('环比') || p.trim().endsWith('环比') ? `${head}环比` : head));
    } else {
      let parts = rawParts.map((p) => cleanMetric(p)).filter((p) => p.length > 0);
      if (parts.length === 1 && from - 1 > sentence.start && /[，,]/.test(text[from - 1])) {
        // "清理规范节庆、论坛、展会，数量分别压减75%、95%、73%": one measure, its subjects
        // listed in the clause before.
        // "…分别新认定60家和30家，累计分别达到1016家和591家": or the subjects of the run of as
        // many figures in that clause.
        let listFrom = from - 1;
        while (listFrom > sentence.start && !SUBJECT_STOPS.has(text[listFrom - 1])) listFrom--;
        const measure = parts[0];
        const runBefore = first >= count ? drafts.slice(first - count, first) : [];
        if (runBefore.length === count && runBefore.every((d) => d.figure.start >= listFrom && d.figure.metric)) {
          parts = runBefore.map((d) => countedNoun(withoutChange(d.figure.metric)) + measure);
        } else if (!/[0-9]/.test(text.slice(listFrom, from - 1))) {
          const listed = text.slice(listFrom, from - 1).split('、').map((p) => countedNoun(cleanMetric(p)));
          if (listed.length === count && listed.every((p) => p.length > 0)) parts = listed.map((p) => p + measure);
        }
      }
      if (parts.length !== count) continue;
      const tailOf = parts[parts.length - 1];
      subjects = parts.map((p, k) => (k < count - 1 ? completeSubject(p, tailOf) : p));
    }
    // The verb after 分别 says whether the figures are changes ("分别增长") or levels ("分别控制在",
    // "分别提高到").
    const change = CHANGE_VERB_START.exec(text.slice(after, drafts[first].figure.start));
    assignSubjects(drafts, first, last, subjects, change ? change[0] : '');
    // "分别从每人每月202元、270元提高到209元、280元": the new values pair with the baselines.
    if (/^(?:从|由)/.test(text.slice(after, drafts[first].figure.start)) && last + count < drafts.length) {
      const next = drafts.slice(last + 1, last + 1 + count);
      if (!FROM_TO_JOIN.test(text.slice(drafts[last].figure.end, next[0].figure.start))) continue;
      for (let k = 0; k < count; k++) {
        drafts[first + k].figure.kind = 'baseline';
        next[k].figure.metric = drafts[first + k].figure.metric;
      }
    }
  }
}
