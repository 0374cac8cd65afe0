/**
 * extractFigures: every digit-bearing figure of a normalised report text, with its value in base
 * units, unit, qualifier, kind, year or period, indicator phrase and sentence.
 *
 * One pass over precomputed sentences; inside a sentence, one forward scan for digits. Each
 * figure looks only at its own sentence (and at the figure before it in that sentence, for
 * "同比增长31.9%" and list items sharing a verb), so the cost is linear in the text.
 */
import type { Figure, Section, SectionKind, YearSpan } from '../model';
import type { ReportMeta } from '../report';
import { CHANGE_VERBS, endsWithAny } from '../lexicon';
import { readQuantity, readNumeral, type Quantity } from './numbers';
import { whyNotFigure } from './exclusions';
import { readTouchingQualifiers } from './qualifiers';
import { clauseStartBefore, cleanMetric, endsWithChange, endsWithConjunction } from './metric';
import { splitSentences, isParagraphStart } from './sentences';
import { SectionCursor, YearCursor, findTargetStatements, paragraphScope, type ParagraphScope } from './scope';
import { GROWTH_UNITS, MetricCase, type Draft } from './rules/cases';
import { FROM_TO_JOIN } from './rules/metric-previous';
import { resolveMetric } from './rules/metric';
import { firstStriveCueEnd, resolveKind, type KindCase } from './rules/kind';
import { resolveQualifier, type QualifierCase } from './rules/qualifier';
import { resolveUnit, type UnitCase } from './rules/unit';
import { resolveLists } from './rules/lists';
import { isOutcome } from '../kinds';

/** A number that was read but not taken as a figure, and why (see exclusions.ts). */
export interface Excluded {
  start: number;
  end: number;
  text: string;
  reason: string;
}

export interface ExtractContext {
  sections: Section[];
  meta: ReportMeta;
  /** When given, every number read but not taken is added here with its reason (`--explain`). */
  excluded?: Excluded[];
}

/** The core change verbs (lexicon) closing the clause before a rate: "同比增长". */
const CHANGE_VERB_END = endsWithAny(CHANGE_VERBS.map(([w]) => w));
const TARGET_NOUN_AFTER = /^(?:的)?(?:预期)?目标/;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
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
    const reviewYear = section && section.kind === 'review' ? (section.year ?? section.period?.to ?? meta.reviewYear) : meta.reviewYear;

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
    const years = new YearCursor(sentenceText);
    let striveEnd: number | undefined;
    const striveCueEnd = (): number => (striveEnd ??= firstStriveCueEnd(sentenceText));
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
        context.excluded?.push({ start: q.start, end: q.end, text: text.slice(q.start, q.end), reason: why });
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
        years,
        striveCueEnd,
        prev: drafts.length > 0 ? drafts[drafts.length - 1] : null,
        inTargetStatement: targetIdx < targetSpans.length && targetSpans[targetIdx][0] <= q.start && q.start < targetSpans[targetIdx][1],
      });
      drafts.push(draft);
      i = Math.max(q.end, draft.figure.end);
    }
    resolveLists({ text, sentence, drafts });
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
  years: YearCursor;
  /** Where the sentence's first target cue (力争, 到2030年 …) ends, relative to its start; read once. */
  striveCueEnd: () => number;
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

  const cleaned = cleanMetric(pre);
  const m = new MetricCase(text, q.unit, end, sentence, touching, clauseStart, prevEnd, rawPre, c.prev, cleaned, endsWithConjunction(cleaned));
  const metricRule = resolveMetric(m);
  const metric = m.metric;
  let growth = m.growth;
  if (!growth && GROWTH_UNITS.has(q.unit) && endsWithChange(metric) && !isBaseline) growth = true;
  if (!growth && GROWTH_UNITS.has(q.unit) && CHANGE_VERB_END.test(clauseBefore.replace(/(?:约|近|超过|超)$/, ''))) {
    growth = true;
  }

  // Qualifier and kind.
  const estimateCue = c.estimateAt >= 0 && c.estimateAt < q.start - c.sentence.start;
  const qc: QualifierCase = { touching, approx: q.approx, strive: clauseBefore.includes('力争'), estimateCue, qualifier: null };
  const qualifierRule = resolveQualifier(qc);
  const kc: KindCase = {
    section: c.sectionKind,
    inTargetStatement: c.inTargetStatement,
    estimateCue,
    striveCueBefore: () => c.striveCueEnd() <= q.start - c.sentence.start,
    followedByTargetNoun: TARGET_NOUN_AFTER.test(text.slice(end, end + 6)),
    kind: 'actual',
  };
  let kindRule = resolveKind(kc);
  if (isBaseline) {
    kc.kind = 'baseline';
    kindRule = 'from-to-baseline';
  }
  const kind = kc.kind;

  // Year or period.
  let year: number | null = null;
  let period: YearSpan | null = null;
  const explicit = c.years.before(q.start - c.sentence.start);
  if (explicit !== null) {
    year = explicit;
  } else if (c.scope && 'period' in c.scope) {
    period = c.scope.period;
  } else if (c.scope && 'year' in c.scope) {
    year = c.scope.year;
  } else if (c.section && c.section.kind !== 'other' && (c.section.year !== null || c.section.period)) {
    year = c.section.year;
    period = c.section.year === null ? c.section.period : null;
  } else if (c.sectionKind === 'review' || isOutcome(kind)) {
    year = c.meta.reviewYear;
  } else if (c.sectionKind === 'plan' || kind === 'target') {
    year = c.meta.planYear;
  }

  const uc: UnitCase = { text, leadEnd: touching.leadEnd, sentenceStart: sentence.start, unit: q.unit };
  const unitRule = resolveUnit(uc);
  const unit = uc.unit;

  const figure: Figure = {
    start,
    end,
    text: text.slice(start, end),
    value: q.value,
    unit,
    qualifier: qc.qualifier,
    kind,
    section: c.sectionKind,
    year,
    metric,
    ...sentenceExcerpt(c.sentenceText, sentence.start, start, end),
    rules: { metric: metricRule, kind: kindRule, unit: unitRule, qualifier: qualifierRule },
  };
  if (q.valueMax !== undefined) figure.valueMax = q.valueMax;
  if (period) figure.period = period;
  if (growth) figure.growth = true;
  return { figure, isBaseline, nounAfter: m.nounAfter };
}

/** The longest sentence a figure carries, and the step of the windows a longer one is cut into. */
export const EXCERPT_MAX = 300;
const EXCERPT_STEP = 200;

/**
 * The figure's sentence, or for a sentence longer than EXCERPT_MAX an excerpt of it: the window
 * of the sentence, cut at multiples of EXCERPT_STEP from its start, that holds the figure, up to
 * EXCERPT_MAX characters (at least 100 after the window start's step, so the words after the
 * figure come with it). Figures of one window share its start, so "same sentenceStart" still
 * tells neighbours apart from strangers. Output stays proportional to the figures, not to
 * figures × sentence length (a line of 10,000 figures without a full stop).
 */
function sentenceExcerpt(sentenceText: string, sentenceStart: number, start: number, end: number): { sentence: string; sentenceStart: number } {
  if (sentenceText.length <= EXCERPT_MAX) return { sentence: sentenceText, sentenceStart };
  const from = Math.floor((start - sentenceStart) / EXCERPT_STEP) * EXCERPT_STEP;
  const to = Math.max(from + EXCERPT_MAX, end - sentenceStart);
  return { sentence: sentenceText.slice(from, to), sentenceStart: sentenceStart + from };
}

/** "连续4年", "连续24个月": a figure that counts how long something lasted, printed inside the
 * clause of the figure it qualifies. */
function isRunOfYears(text: string, f: Figure, clauseStart: number): boolean {
  return (f.unit === '年' || f.unit === '个月') && f.start >= clauseStart + 2 && text.slice(f.start - 2, f.start) === '连续';
}
export { clauseStartBefore, cleanMetric, leadingAction, nounOfClauseBefore } from './metric';
