/**
 * Kinds that mean something.
 *
 * Not figures (removed before anything else sees them): numbers that describe who or when, not how
 * much of an indicator. They would otherwise be read as targets and enter comparisons.
 * - Ages and age ranges: "65岁及以上老年人", "0-6岁儿童", "3岁以下婴幼儿" (unit 岁). Life expectancy
 *   ("人均预期寿命达到78.5岁") is an indicator and stays.
 * - Durations of a policy or a run: "再延长30年", "设立5年过渡期", "连续8年", "用3年时间", "时隔12年"
 *   (unit 年 or 个月). Years of schooling ("平均受教育年限从13.5年提高到14年") stay.
 * - Clock times used as a name: "24小时在线监控", "240小时过境免签政策", "24小时开放": a time
 *   followed straight by a word. A time something is cut to ("压缩至2小时", "缩短到5小时") stays.
 * - Counts of areas of work: "扎实办好9方面民生实事", "认真抓好11方面重点工作" (unit 方面).
 * - Places in a ranking: "全国排名53位、提升3位" (unit 位 in a sentence about 排名 or 位次).
 *
 * Facts and forecasts, not targets: a plan section speaks of the coming year, but not every number
 * in it is something the government sets.
 * - Forecasts: a plan figure after 预计 in its sentence ("预计今年高校毕业生超过1170万人"), and
 *   the number of graduates however it is worded ("今年高校毕业生超过1000万人"): `estimate`.
 * - Facts about the population: "14亿人的粮食安全", "14亿多中国人", "我国有2.9亿在校学生",
 *   "实时人口1.5亿左右": `actual`, or `estimate` when hedged (左右, 约, 近, 多).
 * Both stay figures (they are highlighted and carded with their kind) but are no plan targets, so
 * they never link or enter a series as targets.
 */
import type { Figure } from '../model';

const DURATION_UNITS = new Set(['年', '个月']);
const CLOCK_UNITS = new Set(['小时', '分钟']);
/** Words before a clock time that make it a measured time, not a name. */
const MEASURED_TIME_BEFORE = /(?:压缩|缩短|减少|降低|下降|控制|提高|延长)?(?:至|到|为|在)$|平均$|时间$/;
/** Characters after a time that still close it as a quantity (以内, 左右, 的, punctuation). */
const TIME_CLOSES = /^(?:$|[，。；、：,.;:）)\s]|以内|以下|左右|的|之内|内)/;

export function whyNotAFigure(text: string, f: Figure): string | null {
  if (f.unit === '岁') return /寿命/.test(f.metric) ? null : 'age';
  if (f.unit === '方面') return 'areas of work';
  // "全国排名53位、提升3位": places in a ranking, like 全球50强, are no quantities.
  if (f.unit === '位' && /排名|位次|排位|名次/.test(f.sentence)) return 'rank';
  if (DURATION_UNITS.has(f.unit)) return /年限|学制|寿命/.test(f.metric) ? null : 'duration';
  if (CLOCK_UNITS.has(f.unit)) {
    const before = text.slice(Math.max(0, f.start - 6), f.start);
    const after = text.slice(f.end, f.end + 2);
    if (!MEASURED_TIME_BEFORE.test(before) && !TIME_CLOSES.test(after)) return 'clock time';
  }
  return null;
}

const GRADUATES = /^(?:今年|应届|全国)?(?:高校)?毕业生(?:规模|人数|总数)?$/;
const POPULATION = /^(?:我国|全国|全省|全市|全区)?(?:常住|实时|户籍|总|服务)?人口(?:规模|总量)?$|在校(?:学)?生$/;
const HEDGES = /左右|约|近|多|余/;

/** The kind a plan target really has, or null to keep it a target. */
export function reclassify(text: string, f: Figure): 'estimate' | 'actual' | null {
  if (f.kind !== 'target' || f.section !== 'plan') return null;
  const sentenceBefore = f.sentence.slice(0, Math.max(0, f.start - f.sentenceStart));
  if (sentenceBefore.includes('预计') || GRADUATES.test(f.metric)) return 'estimate';
  const after = text.slice(f.end, f.end + 4);
  const before = text.slice(Math.max(0, f.start - 3), f.start);
  const population =
    POPULATION.test(f.metric) ||
    (/人$|多$/.test(f.text) && /^(?:的|中国人|人民)/.test(after.replace(/^人/, ''))) ||
    (/(?:我国|我省|我市|我区)有$/.test(before) && /^(?:在校|人|学生)/.test(after));
  if (!population) return null;
  return HEDGES.test(f.qualifier ?? '') || /多$/.test(f.text) ? 'estimate' : 'actual';
}

/** Drops the numbers that are not figures and gives facts and forecasts their kind. */
export function settleKinds(text: string, figures: Figure[]): Figure[] {
  const kept: Figure[] = [];
  let age: Figure | null = null;
  for (const f of figures) {
    const why = whyNotAFigure(text, f);
    if (why === null) {
      // "我国60岁以上人口已达2.5亿": the age says whose number it is.
      if (age && age.sentenceStart === f.sentenceStart && f.metric.length <= 2 && text.slice(age.end, f.start).startsWith(f.metric)) {
        f.metric = age.text + f.metric;
      }
      kept.push(f);
    }
    age = why === 'age' ? f : null;
  }
  for (const f of kept) {
    const kind = reclassify(text, f);
    if (kind) f.kind = kind;
  }
  return kept;
}
