/**
 * What indicator a figure measures, as a comparable phrase.
 *
 * Reports name one indicator in many ways: "新增供应公租房" / "新增公租房供应",
 * "居民消费价格涨幅" / "居民消费价格上涨", "城镇调查失业率平均为" / "城镇调查失业率全年控制在".
 * The metric phrase extraction hands us still carries the words around the number (达到, 控制在,
 * 预计, 全年 …), which say how the figure is hedged or when, not what it measures. `canonicalPhrase`
 * removes them, folds the direction of change into a flag, and leaves the words that do tell two
 * indicators apart — including the project-lifecycle verbs (签约 / 开工 / 完工), because
 * "加装电梯完工295台" and "加装电梯新开工300台" are different counts of the same lifts.
 */
import type { Figure } from '../model';
import { synonymKey } from './synonyms';
import { CHANGE_TO_VERBS, DIRECTION_OF, EFFORT_WORDS, LEVEL_VERBS, LIFECYCLE_STAGES, bucketBy, type Direction as ChangeDirection } from '../lexicon';
import { matchCatalogue, sameCounterFamily, CROSS_COUNTER_SCORE } from '../catalogue';
import { amountOf, phrasesConflict, sameObject, OBJECT_SCORE, type Amount } from './conflicts';

/** Direction of a rate of change: 'up' for 增长/上涨/提高, 'down' for 下降/降低/降幅. */
export type Direction = ChangeDirection | null;

export interface IndicatorPhrase {
  /** The phrase with hedges, time words and direction words removed. */
  phrase: string;
  direction: Direction;
  /** Lifecycle stages named in the phrase (see LIFECYCLE). */
  stages: string[];
}

/** Words that say when or how sure, not what: dropped wherever they stand. Longer first so that
 * 全年 goes before 年. Kept short on purpose: every word here is one two indicators can no longer
 * differ by, so only words that never carry meaning in an indicator name belong. */
const NOISE_ANYWHERE = [
  '预计',
  '全年',
  '年内',
  '今年',
  '去年',
  '上年',
  '当年',
  '年末',
  '年底',
  '累计',
  '新增',
  '主要预期目标',
  '预期目标',
  '力争',
  '确保',
  '努力',
  '继续',
  '进一步',
  '持续',
  '首次',
  '再创新高',
  '剩余',
];

/** Words that lead into the number ("粮食产量保持在", "赤字率拟按"): dropped only at the end of the
 * phrase, where they sit just before the figure, because inside a name some of them mean something
 * ("超亿元楼宇", "达标区"). Longer first. */
const TRAILING_LEAD_INS = [
  ...LEVEL_VERBS,
  '跃升至',
  '跃升到',
  '跃上',
  '迈上',
  '站上',
  '平均为',
  '分别为',
  ...CHANGE_TO_VERBS,
  '降到',
  '降至',
  '达到',
  '超过',
  '突破',
  '不低于',
  '不高于',
  '不超过',
  '以上',
  '以内',
  '左右',
  '拟按',
  '拟安排',
  '安排',
  '规模',
  '总量为',
  '总数',
  '平均',
  '共计',
  '合计',
  '分别',
  '完成',
  '实现',
  '超',
  '达',
  '为',
  '至',
  '到',
  '约',
  '近',
  '逾',
  '在',
  '按',
  '是',
  '了',
  '共',
  '的',
  // Modal words left before a change word ("氮氧化物排放量要下降3%"): no name ends in them.
  '要',
  '将',
  '需',
];

/** Words that open a phrase without naming anything ("拟安排地方政府专项债券", "全国城镇调查失业率"). */
const LEADING_LEAD_INS = [
  '拟安排',
  '拟发行',
  '拟按',
  '安排',
  '其中',
  '全国',
  '全省',
  '全市',
  '全区',
  '全县',
  '完成',
  '实现',
  '共',
  // Effort words of the plan sections ("加快推进…", "推动…"): how hard, not what.
  ...EFFORT_WORDS,
];

/** Direction words (lexicon: every change word extraction reads, and the rate names). A rate
 * figure's phrase ends with one ("国内生产总值增长"); "降到/提高到" are level words and are removed
 * above before we get here. Longest first, so 降幅 goes whole rather than leaving 幅. */
const DIRECTION_WORDS: [string, ChangeDirection][] = [...DIRECTION_OF].sort((a, b) => b[0].length - a[0].length);

/** Project-lifecycle stages (lexicon). */
const LIFECYCLE = LIFECYCLE_STAGES;

const PUNCTUATION = /[\s，,。；;：:、“”"'‘’()（）《》【】\[\]—\-·…!！?？]+/g;

/** The word lists bucketed by the character they end (or start) with, in list order, and the
 * anywhere-noise as one pattern: phrases are reduced thousands of times per report. */
const TRAILING_BY_LAST = bucketBy(TRAILING_LEAD_INS, (w) => w[w.length - 1]);
const LEADING_BY_FIRST = bucketBy(LEADING_LEAD_INS, (w) => w[0]);
const NOISE_PATTERN = new RegExp([...NOISE_ANYWHERE].sort((a, b) => b.length - a.length).join('|'), 'g');

function stripTrailing(phrase: string): string {
  let s = phrase;
  for (let changed = true; changed && s.length > 0;) {
    changed = false;
    for (const w of TRAILING_BY_LAST.get(s[s.length - 1]) ?? []) {
      if (s.length > w.length && s.endsWith(w)) {
        s = s.slice(0, -w.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

function stripLeading(phrase: string): string {
  let s = phrase;
  for (let changed = true; changed && s.length > 0;) {
    changed = false;
    for (const w of LEADING_BY_FIRST.get(s[0]) ?? []) {
      if (s.length > w.length && s.startsWith(w)) {
        s = s.slice(w.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}

/** Reduces a metric phrase to what it measures. The result is shared between callers (it is
 * cached per phrase, since linking and series building describe the same phrases many times):
 * treat it as read-only. */
export function canonicalPhrase(metric: string): IndicatorPhrase {
  const known = phraseCache.get(metric);
  if (known) return known;
  const result = computeCanonicalPhrase(metric);
  if (phraseCache.size >= 20000) phraseCache.clear();
  phraseCache.set(metric, result);
  return result;
}

const phraseCache = new Map<string, IndicatorPhrase>();

function computeCanonicalPhrase(metric: string): IndicatorPhrase {
  let s = (metric ?? '').replace(PUNCTUATION, '');
  // Full-width Latin letters (ＧＤＰ) fold like digits do in normalisation; upper-case for CPI/GDP.
  s = s.replace(/[\uff21-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toUpperCase();
  s = s.replace(NOISE_PATTERN, '');

  // Stages first, held as placeholders while lead-ins are stripped, so that the 约 of 签约 is not
  // taken for a hedge; variants fold to one spelling (新签约 → 签约) so they compare as equal text.
  const stages = new Set<string>();
  for (const [word, stage] of LIFECYCLE) {
    if (s.includes(word)) {
      stages.add(stage);
      s = s.split(word).join(`\u0001${stage}\u0001`);
    }
  }
  s = stripLeading(stripTrailing(s));

  let direction: Direction = null;
  for (let changed = true; changed;) {
    changed = false;
    for (const [word, dir] of DIRECTION_WORDS) {
      if (s.length > word.length && s.endsWith(word)) {
        s = stripTrailing(s.slice(0, -word.length));
        direction = direction ?? dir;
        changed = true;
        break;
      }
    }
  }
  s = s.replace(/\u0001(\w+)\u0001/g, (_m, stage: string) => STAGE_WORD[stage] ?? '');
  return { phrase: s, direction, stages: [...stages].sort() };
}

const STAGE_WORD: Record<string, string> = {
  sign: '签约',
  start: '开工',
  finish: '完工',
  acquire: '收储',
  sell: '出让',
  rebuild: '改扩建',
};

/** Unit spelling folded: "％" is "%", "套(间)" counts 套. Magnitude is already applied upstream. */
export function canonicalUnit(unit: string): string {
  return (unit ?? '')
    .replace(/％/g, '%')
    .replace(/[（(][^)）]*[)）]/g, '')
    .trim();
}

/** Whether a figure is a rate of change. Extraction's `growth` flag decides; a % figure whose phrase
 * ends in a direction word (涨幅, 降低) counts too, so that "居民消费价格涨幅3%左右" and
 * "居民消费价格上涨0.2%" land on the same side whichever way extraction read 涨幅. */
export function isGrowth(figure: Pick<Figure, 'growth' | 'unit' | 'metric'>): boolean {
  if (figure.growth) return true;
  const unit = canonicalUnit(figure.unit);
  if (unit !== '%' && unit !== '个百分点') return false;
  return canonicalPhrase(figure.metric).direction !== null;
}

/** Character and bigram sets of a phrase, built once per phrase: linking compares each phrase
 * with many others. Cleared, not grown, past a limit (see synonyms.ts). */
const shapes = new Map<string, { chars: Set<string>; bigrams: Set<string> }>();
function shapeOf(s: string): { chars: Set<string>; bigrams: Set<string> } {
  let shape = shapes.get(s);
  if (!shape) {
    if (shapes.size >= 20000) shapes.clear();
    shape = { chars: new Set(s), bigrams: bigrams(s) };
    shapes.set(s, shape);
  }
  return shape;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/**
 * Similarity of two canonical phrases, 0..1.
 *
 * score = 0.5·bigram containment + 0.3·character containment + 0.2·bigram Dice.
 * - Bigram containment (shared bigrams over the shorter phrase's) carries the most weight because
 *   extraction's phrases differ mostly in how much context they kept ("电梯加装签约" vs
 *   "既有多层住宅加装电梯签约"): the shorter one sits inside the longer one.
 * - Character containment forgives word order ("供应公租房" / "公租房供应" share 3 of 4 bigrams but
 *   all characters) and short words split differently.
 * - Dice keeps a two-character phrase from matching every long phrase that happens to contain it.
 * Phrases of one character compare by characters only.
 */
export function phraseSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const { chars: ca, bigrams: ba } = shapeOf(a);
  const { chars: cb, bigrams: bb } = shapeOf(b);
  const charContainment = overlap(ca, cb) / Math.min(ca.size, cb.size);
  if (ba.size === 0 || bb.size === 0) return 0.5 * charContainment;
  const shared = overlap(ba, bb);
  const containment = shared / Math.min(ba.size, bb.size);
  const dice = (2 * shared) / (ba.size + bb.size);
  return 0.5 * containment + 0.3 * charContainment + 0.2 * dice;
}

/** Whether two phrases name disjoint lifecycle stages (签约 vs 开工): then they are never one indicator. */
export function stagesConflict(a: IndicatorPhrase, b: IndicatorPhrase): boolean {
  if (a.stages.length === 0 || b.stages.length === 0) return false;
  return !a.stages.some((s) => b.stages.includes(s));
}

/** What a figure measures, ready to compare: its canonical phrase, unit and rate-or-level. */
export interface FigureIndicator extends IndicatorPhrase {
  unit: string;
  growth: boolean;
  /** True when the phrase names no indicator by itself (a bare verb, 规模, 增加): such figures are
   * never linked and never enter a series, because any match would be a guess. */
  weak: boolean;
  /** A total or an increment, when the wording says (see conflicts.ts). */
  amount?: Amount;
}

/** Phrases that name an action or a generic amount but no indicator. */
const WEAK_PHRASE =
  /^(?:新|再|又|另)?(?:增加|增长|提高|提升|建成|完成|启动|实施|推进|开工|完工|签约|收储|出让|改扩建|建设|改造|投入|安排|支出|规模|总量|总额|金额|数量|资金|一次性|余额|剩余|年均|有|超|达|其中|合计|增量)+$/;
/** Metrics that are a bare category noun: alone they match any investment, project, firm or
 * population of a report ("投资5.8亿元" would pair with every 总投资 target). Tested on the metric
 * as printed: "完成投资" also reduces to 投资 but names the year's investment indicator. */
const BARE_CATEGORY = /^(?:投资|项目|企业|人口)$/;

function isWeakPhrase(p: IndicatorPhrase): boolean {
  return p.phrase.length <= 1 || WEAK_PHRASE.test(p.phrase);
}

const CLAUSE_END = /[，,；;。：:、()（）\n！!？?—\s0-9“”"]/;

/** The words printed right after a figure ("新启动300万平方米旧住房修缮" → "旧住房修缮"): where the
 * noun stands when the words before the number are only a verb. */
function wordsAfter(f: Pick<Figure, 'end' | 'sentence' | 'sentenceStart'>): string {
  const sentence = f.sentence ?? '';
  let i = f.end - f.sentenceStart;
  if (i < 0 || i > sentence.length) return '';
  if (sentence[i] === '的') i++;
  const from = i;
  while (i < sentence.length && i - from < 12 && !CLAUSE_END.test(sentence[i])) i++;
  return sentence.slice(from, i);
}

const STAGE_WORDS = /签约|开工|完工|收储|出让|改扩建/g;

/**
 * What a figure measures. A bare verb ("完工295台", "新启动300万平方米") takes its noun from the
 * words after the figure, else — when `figures` and `index` give its neighbours — from the next
 * figure of a "29条、31公里…景观道路建设" list, else from the subject of the previous figure in the
 * same sentence ("电梯加装签约514台，完工295台" → 电梯加装完工). Without any of these it stays weak.
 */
export function describeFigure(figure: Figure, figures?: Figure[], index?: number): FigureIndicator {
  const printed = canonicalPhrase(figure.metric);
  let c = printed;
  const bare = BARE_CATEGORY.test(figure.metric);
  const isWeak = (p: IndicatorPhrase): boolean => isWeakPhrase(p) || (bare && p === printed);
  if (isWeak(c)) {
    const after = wordsAfter(figure);
    if (after) {
      const withAfter = canonicalPhrase(figure.metric + after);
      if (!isWeak(withAfter)) c = withAfter;
    }
  }
  if (isWeak(c) && figures && index !== undefined) {
    const next = figures[index + 1];
    if (next && next.sentenceStart === figure.sentenceStart) {
      const between = figure.sentence.slice(figure.end - figure.sentenceStart, next.start - figure.sentenceStart);
      const nc = canonicalPhrase(next.metric);
      if (/^[、和及与]$/.test(between) && !isWeak(nc)) {
        c = nc.phrase.includes(c.phrase) ? nc : canonicalPhrase(figure.metric + nc.phrase);
      }
    }
  }
  if (isWeak(c) && figures && index !== undefined) {
    for (let j = index - 1; j >= 0 && figures[j].sentenceStart === figure.sentenceStart; j--) {
      const pc = canonicalPhrase(figures[j].metric);
      if (isWeak(pc)) continue;
      const subject = pc.phrase.replace(STAGE_WORDS, '');
      if (subject) c = canonicalPhrase(subject + figure.metric);
      break;
    }
  }
  return { ...c, unit: canonicalUnit(figure.unit), growth: isGrowth(figure), weak: isWeak(c), amount: amountOf(figure.metric, figure.qualifier) };
}

/**
 * The canonical key an indicator is indexed and grouped by: the synonym table's key when the phrase
 * is a well-known indicator (国内生产总值 / 地区生产总值 / GDP → 生产总值), else the canonical phrase;
 * a falling rate carries "↓" so that 能耗下降 and a 增长 of the same words stay apart. '' when the
 * figure names no indicator by itself (see FigureIndicator.weak).
 */
export function keyOf(d: FigureIndicator): string {
  if (d.weak) return '';
  const entry = matchCatalogue(d);
  if (entry) return entry.id;
  const base = synonymKey(d.phrase) ?? d.phrase;
  if (d.growth) return d.direction === 'down' ? `${base}↓` : base;
  // "比上年增加1800亿元", "补助标准再提高30元": an amount of change is not the level it changes.
  return d.direction ? `${base}${d.direction === 'down' ? '−' : '+'}` : base;
}

export function indicatorKey(figure: Pick<Figure, 'metric' | 'unit' | 'growth'> & Partial<Figure>): string {
  return keyOf(describeFigure(asFigure(figure)));
}

function asFigure(f: Pick<Figure, 'metric' | 'unit' | 'growth'> & Partial<Figure>): Figure {
  return {
    start: 0,
    end: 0,
    text: '',
    value: 0,
    qualifier: null,
    kind: 'actual',
    section: 'other',
    year: null,
    sentence: '',
    sentenceStart: 0,
    ...f,
  };
}

/** The Figure-free core of `sameIndicator`, for callers that describe each figure once. */
export function scoreIndicators(a: FigureIndicator, b: FigureIndicator): number {
  if (a.weak || b.weak) return 0;
  if (!sameCounterFamily(a.unit, b.unit) || a.growth !== b.growth) return 0;
  if (a.growth && a.direction && b.direction && a.direction !== b.direction) return 0;
  if (stagesConflict(a, b)) return 0;
  // The catalogue first: two entries are one indicator only when they are the same entry.
  const ca = matchCatalogue(a);
  const cb = matchCatalogue(b);
  if (ca && cb) return ca.id === cb.id ? 1 : 0;
  const ka = synonymKey(a.phrase);
  const kb = synonymKey(b.phrase);
  if (ka && kb) return ka === kb ? 1 : 0;
  if (a.amount && b.amount && a.amount !== b.amount) return 0;
  if (phrasesConflict(a.phrase, b.phrase)) return 0;
  let score = phraseSimilarity(a.phrase, b.phrase);
  if (score < OBJECT_SCORE && sameObject(a.phrase, b.phrase)) score = OBJECT_SCORE;
  return a.unit !== b.unit && score < CROSS_COUNTER_SCORE ? 0 : score;
}

/**
 * How likely two figures measure the same indicator, 0..1. Zero when their units differ, when one is
 * a rate of change and the other not, when their rates run in opposite directions, when they name
 * different lifecycle stages, or when either names no indicator by itself. Two phrases the synonym
 * table maps to one key score 1. Pass whole figures (with sentence and offsets) for the best reading;
 * a metric, unit and growth flag are enough.
 */
export function sameIndicator(
  a: Pick<Figure, 'metric' | 'unit' | 'growth'> & Partial<Figure>,
  b: Pick<Figure, 'metric' | 'unit' | 'growth'> & Partial<Figure>,
): number {
  return scoreIndicators(describeFigure(asFigure(a)), describeFigure(asFigure(b)));
}
