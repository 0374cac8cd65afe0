/**
 * What a figure's card says: the figure itself, and its indicator across years — the target set
 * for a year beside what came of it, last year's outcome beside this figure, the change, and
 * whether each past target was met.
 *
 * Points come from two places: the index's history of the indicator (every indexed report of the
 * region, this one included) and, before the index has answered or when it could not, the figures
 * this report itself links to the figure (a plan target and the review result of the same
 * indicator). Both are folded into one list per year, so the card reads the same either way.
 */
import { assessTarget, compareValues, type Assessment, type ValueChange } from '../linking';
import { judgeTarget, type Position } from '../linking';
import type { HistoryPoint } from '../messages';
import type { Figure, FigureKind } from '../model';
import { isOutcome } from '../kinds';

export interface CardPoint {
  year: number;
  kind: FigureKind;
  /** As printed ("5%左右"). */
  text: string;
  value: number;
  valueMax?: number;
  unit: string;
  qualifier: string | null;
  /** True for the figure the card is about. */
  current: boolean;
  /** True when the point comes from this page's report. */
  thisReport: boolean;
  /** The report it comes from, when it is another one. */
  reportTitle: string | null;
  url: string | null;
  /** What other copies of the same year's report print here, when they disagree. */
  disputed?: string[];
}

export interface CardYear {
  year: number;
  /** The commitment made for the year. */
  target: CardPoint | null;
  /** What came of it: the actual when there is one, else the estimate. */
  outcome: CardPoint | null;
  /** Whether the target was met by the outcome; null when either is missing. */
  status: Assessment | null;
}

export interface CardLinked {
  index: number;
  text: string;
  kind: FigureKind;
  year: number | null;
  /** `review`: the result this plan figure follows from; `plan`: the target set after this result. */
  role: 'review' | 'plan';
}

export interface CardModel {
  index: number;
  figure: Figure;
  /** For a target: the outcome of its year (when indexed). For a result: the target it answers. */
  counterpart: CardPoint | null;
  /** Whether this target was met (target) or whether this result met its target (actual/estimate). */
  status: Assessment | null;
  /** outcome − target (percentage points for %) and where the outcome stands, with `status`. */
  gap: number | null;
  position: Position | null;
  /** The outcome of the year before the figure's year. */
  lastYear: CardPoint | null;
  /** From `lastYear` to this figure (same unit only). */
  change: ValueChange | null;
  /** For a result: the next year's target, when known ("this year's target" in a report's plan). */
  nextTarget: CardPoint | null;
  /** Every year of the indicator, oldest first. */
  years: CardYear[];
  linked: CardLinked[];
}

export interface CardInput {
  index: number;
  figure: Figure;
  /** The indexed report this page carries, when indexing answered. */
  reportId: string | null;
  history: HistoryPoint[];
  /** Figures of this report linked to this one. */
  linked: { index: number; figure: Figure; role: 'review' | 'plan' }[];
}

/** Units that name the same thing (full-width per cent, a trailing "(间)"). */
function sameUnit(a: string, b: string): boolean {
  const fold = (u: string) =>
    u
      .replace(/％/g, '%')
      .replace(/[（(][^)）]*[)）]/g, '')
      .trim();
  return fold(a) === fold(b);
}

function pointOfFigure(f: Figure, current: boolean): CardPoint | null {
  if (f.year === null) return null;
  const p: CardPoint = {
    year: f.year,
    kind: f.kind,
    text: f.text,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    current,
    thisReport: true,
    reportTitle: null,
    url: null,
  };
  if (f.valueMax !== undefined) p.valueMax = f.valueMax;
  return p;
}

export function buildCardModel(input: CardInput): CardModel {
  const { figure, index, reportId } = input;
  const points: CardPoint[] = [];
  const seen = new Set<string>();
  const add = (key: string, p: CardPoint | null) => {
    if (!p || seen.has(key) || !sameUnit(p.unit, figure.unit)) return;
    seen.add(key);
    points.push(p);
  };

  add(`this:${index}`, pointOfFigure(figure, true));
  for (const l of input.linked) add(`this:${l.index}`, pointOfFigure(l.figure, false));
  for (const h of input.history) {
    const own = reportId !== null && h.reportId === reportId;
    const p: CardPoint = {
      year: h.year,
      kind: h.kind,
      text: h.text,
      value: h.value,
      unit: h.unit,
      qualifier: h.qualifier,
      current: own && h.figureIndex === index,
      thisReport: own,
      reportTitle: own ? null : h.reportTitle,
      url: own ? null : h.url,
    };
    if (h.valueMax !== undefined) p.valueMax = h.valueMax;
    if (h.disputed?.length) p.disputed = h.disputed.map((d) => d.text);
    add(own ? `this:${h.figureIndex}` : h.figureId, p);
  }

  // One row per year: the current figure first, then this report's points, then other reports'.
  const rank = (p: CardPoint) => (p.current ? 0 : p.thisReport ? 1 : 2);
  const byYear = new Map<number, CardPoint[]>();
  for (const p of points) {
    const list = byYear.get(p.year) ?? [];
    list.push(p);
    byYear.set(p.year, list);
  }
  // The indicator (its metric) tells whether lower is better; each target brings its own bound.
  const target = { unit: figure.unit, metric: figure.metric, growth: figure.growth };
  const verdictOf = (t: CardPoint, outcome: { value: number; unit: string }) =>
    judgeTarget({ value: t.value, valueMax: t.valueMax, qualifier: t.qualifier, unit: t.unit, indicator: figure.indicator, metric: figure.metric }, outcome);
  const judge = (t: CardPoint, outcome: { value: number; unit: string }): Assessment => {
    if (!figure.indicator) return assessTarget({ ...target, value: t.value, valueMax: t.valueMax, qualifier: t.qualifier, unit: t.unit }, outcome);
    const v = verdictOf(t, outcome).verdict;
    return v === 'met' || v === 'missed' ? v : 'unknown';
  };
  const years: CardYear[] = [...byYear.keys()]
    .sort((a, b) => a - b)
    .map((year) => {
      const list = byYear.get(year)!.sort((a, b) => rank(a) - rank(b));
      const t = list.find((p) => p.kind === 'target') ?? null;
      // A result reported a year later (actual) beats the estimate given at the time.
      const outcome = list.find((p) => p.kind === 'actual') ?? list.find((p) => p.kind === 'estimate') ?? null;
      const status = t && outcome ? judge(t, outcome) : null;
      return { year, target: t, outcome, status };
    });

  const y = figure.year;
  const row = (year: number | null) => (year === null ? undefined : years.find((r) => r.year === year));
  const current = row(y);
  let counterpart: CardPoint | null = null;
  let status: Assessment | null = null;
  let gap: number | null = null;
  let position: Position | null = null;
  let nextTarget: CardPoint | null = null;
  const record = (t: CardPoint, outcome: { value: number; unit: string }) => {
    status = judge(t, outcome);
    const v = verdictOf(t, outcome);
    gap = v.gap;
    position = v.position;
  };
  if (figure.kind === 'target') {
    counterpart = current?.outcome ?? null;
    if (counterpart) record(pointOfFigure(figure, true) ?? counterpart, counterpart);
  } else if (isOutcome(figure.kind)) {
    // This very figure is judged, even when a later actual stands in the year's row.
    counterpart = current?.target ?? null;
    if (counterpart) record(counterpart, figure);
    nextTarget = row(y === null ? null : y + 1)?.target ?? null;
  }

  const lastYear = row(y === null ? null : y - 1)?.outcome ?? null;
  const change = lastYear && sameUnit(lastYear.unit, figure.unit) ? compareValues(lastYear, figure) : null;

  const linked: CardLinked[] = input.linked.map((l) => ({
    index: l.index,
    text: l.figure.text,
    kind: l.figure.kind,
    year: l.figure.year,
    role: l.role,
  }));

  return { index, figure, counterpart, status, gap, position, lastYear, change, nextTarget, years, linked };
}
