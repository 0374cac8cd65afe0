/**
 * Sentence rules for lists: "城镇、农村居民人均可支配收入分别增长4.6%、6.7%" and lists that leave
 * 分别 out. Read one by one, every figure of such a list would take the last subject; these rules
 * run once the sentence's figures are drafted and give each figure its own subject, recording
 * which rule did on the figure ('respectively-…', 'listed-run').
 */
import type { Figure, FigureRules } from '../../model';
import { cleanMetric, countedNoun, endsWithChange, withoutChange } from '../metric';
import type { Rule } from './rule';
import { LIST_CHANGE_VERBS, RESPECTIVE_CHANGE_VERBS, alternation, endsWithAny } from '../../lexicon';
import { FROM_TO_JOIN } from './metric-previous';
import { GROWTH_UNITS, type Draft } from './cases';

function setRule(f: Figure, field: keyof FigureRules, name: string): void {
  if (f.rules) f.rules[field] = name;
}

export interface SentenceCase {
  text: string;
  sentence: { start: number; end: number };
  drafts: Draft[];
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
const MEASURE_TAIL =
  /(?:居民人均可支配收入|人均可支配收入|增加值|零售额|销售额|营业收入|营收|产值|产量|利润|贷款|投资|出口额|进出口额|人均财政补助标准|财政补助标准|补助标准)$/;
/** A subject that already ends in a measure is whole. */
const MEASURE_END = /(?:值|额|量|率|入|资|款|口|润|数|比|重|幅|价|耗|规模|营收)$/;

/**
 * "城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内", "城镇、农村居民人均可支配收入分别增长
 * 4.6%、6.7%": a list of subjects, 分别, then as many figures. Each figure measures its own
 * subject; read one by one, every figure would take the last subject. A two-character subject
 * shortened by the list ("城镇、农村居民…") borrows the tail of the last one ("城镇" → "城镇居民人均可支配收入").
 * Nothing changes unless the counts agree.
 */
export const SENTENCE_RULES: readonly Rule<SentenceCase>[] = [
  {
    name: 'respectively',
    applies: (c) => c.drafts.length >= 2 && c.text.slice(c.sentence.start, c.sentence.end).includes('分别'),
    resolve: (c) => distributeAfterRespectively(c.text, c.sentence, c.drafts),
  },
  { name: 'listed-run', applies: (c) => c.drafts.length >= 2, resolve: (c) => distributeListedRuns(c.text, c.sentence, c.drafts) },
];

/** Runs every sentence rule that applies (they do not exclude each other). */
export function resolveLists(c: SentenceCase): void {
  for (const r of SENTENCE_RULES) if (r.applies(c)) r.resolve(c);
}

/** Marks that end a list of subjects (、 and 和 join subjects, so they are not here). */
const SUBJECT_STOPS = new Set(['，', ',', '；', ';', '：', ':', '。', '(', '（', '\n']);

const CHANGE_VERB_START = new RegExp(`^再?(?:${alternation(RESPECTIVE_CHANGE_VERBS)})(?![到至])`);
const LIST_CHANGE_END = endsWithAny(LIST_CHANGE_VERBS);
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
      const verb = LIST_CHANGE_END.exec(before);
      if (verb && !before.includes('分别')) {
        const parts = before
          .slice(0, verb.index)
          .split(/、/)
          .map((p) => cleanMetric(p))
          .filter((p) => p.length > 0);
        if (parts.length === count) {
          const tailOf = parts[parts.length - 1];
          assignSubjects(
            drafts,
            first,
            last,
            parts.map((p, k) => (k < count - 1 ? completeSubject(p, tailOf) : p)),
            verb[0],
            'listed-run',
          );
        }
      }
    }
    first = last + 1;
  }
}

/** Gives the figures drafts[first..last] their subjects, the change verb, and the unit printed once
 * after the last ("分别提高11.1、11.2个百分点"). */
function assignSubjects(drafts: Draft[], first: number, last: number, subjects: string[], change: string, rule: string): void {
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
      if ((plain && GROWTH_UNITS.has(lastUnit)) || (!GROWTH_UNITS.has(lastUnit) && hasMagnitude === lastHasMagnitude)) {
        d.figure.unit = lastUnit;
        setRule(d.figure, 'unit', 'shared-after-list');
      }
    }
    d.figure.metric = subject + change;
    setRule(d.figure, 'metric', rule);
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
    let rule = 'respectively-subjects';
    if (from === at) {
      // "…占外贸比重78.7%，…占出口比重62.6%，分别提高11.1、11.2个百分点": 分别 opens its clause,
      // so the subjects are the figures just before the run, one per clause.
      if (first < count) continue;
      const before = drafts.slice(first - count, first);
      if (before.some((d) => !d.figure.metric || d.figure.growth)) continue;
      subjects = before.map((d) => d.figure.metric);
      rule = 'respectively-figures-before';
    } else if (rawParts.length === count && rawParts.slice(1).every((p) => /^\s*(?:同比|环比)\s*$/.test(p)) && /(?:同比|环比)\s*$/.test(rawParts[0])) {
      // "网签销售面积环比、同比分别增长51.3%、15.3%": one subject measured against two bases.
      const head = cleanMetric(rawParts[0].replace(/(?:同比|环比)\s*$/, ''));
      if (!head) continue;
      subjects = rawParts.map((p) => (p.trim().startsWith('环比') || p.trim().endsWith('环比') ? `${head}环比` : head));
      rule = 'respectively-two-bases';
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
          rule = 'respectively-measure-of-run-before';
        } else if (!/[0-9]/.test(text.slice(listFrom, from - 1))) {
          const listed = text
            .slice(listFrom, from - 1)
            .split('、')
            .map((p) => countedNoun(cleanMetric(p)));
          if (listed.length === count && listed.every((p) => p.length > 0)) {
            parts = listed.map((p) => p + measure);
            rule = 'respectively-measure-of-list-before';
          }
        }
      }
      if (parts.length !== count) continue;
      const tailOf = parts[parts.length - 1];
      subjects = parts.map((p, k) => (k < count - 1 ? completeSubject(p, tailOf) : p));
    }
    // The verb after 分别 says whether the figures are changes ("分别增长") or levels ("分别控制在",
    // "分别提高到").
    const change = CHANGE_VERB_START.exec(text.slice(after, drafts[first].figure.start));
    assignSubjects(drafts, first, last, subjects, change ? change[0] : '', rule);
    // "分别从每人每月202元、270元提高到209元、280元": the new values pair with the baselines.
    if (/^(?:从|由)/.test(text.slice(after, drafts[first].figure.start)) && last + count < drafts.length) {
      const next = drafts.slice(last + 1, last + 1 + count);
      if (!FROM_TO_JOIN.test(text.slice(drafts[last].figure.end, next[0].figure.start))) continue;
      for (let k = 0; k < count; k++) {
        drafts[first + k].figure.kind = 'baseline';
        setRule(drafts[first + k].figure, 'kind', 'respectively-from-to');
        next[k].figure.metric = drafts[first + k].figure.metric;
        setRule(next[k].figure, 'metric', 'respectively-from-to');
      }
    }
  }
}
