/**
 * Was a target met? Judged from its qualifier, the way a reader of the reports judges it.
 *
 * - Floors (以上 / 不低于 / 超过 / 力争 / 达到 / 至少 / 突破): met when actual ≥ value.
 * - Ceilings (以内 / 以下 / 不高于 / 不超过 / 控制在 / 低于): met when actual ≤ value.
 * - Approximate (左右 / 约 / 上下 / 大约 / 近): within a tolerance of the value counts as met, and so
 *   does doing better than it — 5%左右 growth met by 5.2%, and by 6% too — because the reports
 *   themselves call an overshoot of an expected-growth target a success. What "better" means depends
 *   on the indicator: for ceiling indicators (see CEILING_INDICATOR) lower is better, so
 *   居民消费价格涨幅3%左右 is met by 0.2%: researchers and the State Council read the CPI target as an
 *   upper bound, not a goal to reach.
 *   Tolerance: ±0.5 for % and 个百分点 (half a percentage point: growth targets are set in
 *   half-point steps, so 5%左右 covers 4.5–5.5 and no neighbouring step), ±5% of the value for levels.
 * - Ranges ("6%－6.5%", valueMax set): met when the actual falls in [value, valueMax] or on the
 *   better side of it (above for increase indicators, below for ceilings).
 * - No qualifier: a floor for increase indicators, a ceiling for ceiling indicators.
 * - Different units, or a missing number: 'unknown'.
 */

export type Assessment = 'met' | 'missed' | 'unknown';

export type Bound = 'floor' | 'ceiling' | 'approx' | 'none';

export interface TargetForAssessment {
  value: number;
  valueMax?: number;
  qualifier: string | null;
  unit: string;
  growth?: boolean;
  /** The indicator phrase; it tells whether lower is better (失业率, 居民消费价格涨幅). */
  metric?: string;
  /** Overrides what `metric` suggests: true when lower is better. */
  ceiling?: boolean;
}

export interface ActualForAssessment {
  value: number;
  unit: string;
}

/** Qualifier words by the bound they set. Negated words come first and are matched first:
 * 不低于 contains 低于, 不超过 contains 超过, and they mean the opposite. */
const BOUND_WORDS: [string, Bound][] = [
  ['不低于', 'floor'],
  ['不少于', 'floor'],
  ['不高于', 'ceiling'],
  ['不超过', 'ceiling'],
  ['不多于', 'ceiling'],
  ['以内', 'ceiling'],
  ['以下', 'ceiling'],
  ['控制在', 'ceiling'],
  ['低于', 'ceiling'],
  ['少于', 'ceiling'],
  ['以上', 'floor'],
  ['超过', 'floor'],
  ['力争', 'floor'],
  ['达到', 'floor'],
  ['至少', 'floor'],
  ['突破', 'floor'],
  ['高于', 'floor'],
  ['多于', 'floor'],
  ['左右', 'approx'],
  ['上下', 'approx'],
  ['大约', 'approx'],
  ['约', 'approx'],
  ['接近', 'approx'],
  ['近', 'approx'],
];

/** Indicators where a lower number is the better result. A falling-rate phrase (能耗降低3%) is NOT
 * one: its value is the size of the fall, and a bigger fall is better. */
const CEILING_INDICATOR = /失业率|居民消费价格|消费价格|物价|CPI|赤字率|负债率|PM2\.?5|细颗粒物|浓度|死亡|事故|发生率|超标/;
const FALLING_RATE = /(下降|降低|降幅|减少|回落)[^到至]*$/;

/** The bound a qualifier sets ('none' without one). */
export function boundOf(qualifier: string | null): Bound {
  if (!qualifier) return 'none';
  for (const [word, bound] of BOUND_WORDS) if (qualifier.includes(word)) return bound;
  return 'none';
}

/** Whether lower is better for this target's indicator. */
export function isCeilingIndicator(target: Pick<TargetForAssessment, 'metric' | 'ceiling'>): boolean {
  if (target.ceiling !== undefined) return target.ceiling;
  const metric = target.metric ?? '';
  if (FALLING_RATE.test(metric)) return false;
  return CEILING_INDICATOR.test(metric);
}

/** Unit spelling folded for comparison (full-width ％, a trailing "(间)"). */
export function foldUnit(unit: string): string {
  return (unit ?? '')
    .replace(/％/g, '%')
    .replace(/[（(][^)）]*[)）]/g, '')
    .trim();
}

export function approxTolerance(value: number, unit: string): number {
  const u = foldUnit(unit);
  if (u === '%' || u === '个百分点') return 0.5;
  return Math.abs(value) * 0.05;
}

/** A hair of slack so that 5.2 vs 5.2 read from text never fails on float rounding. */
const EPSILON = 1e-9;

export function assessTarget(target: TargetForAssessment, actual: ActualForAssessment): Assessment {
  if (!Number.isFinite(target.value) || !Number.isFinite(actual.value)) return 'unknown';
  if (foldUnit(target.unit) !== foldUnit(actual.unit)) return 'unknown';
  const a = actual.value;
  const lowerIsBetter = isCeilingIndicator(target);
  const bound = boundOf(target.qualifier);

  if (target.valueMax !== undefined && Number.isFinite(target.valueMax)) {
    const lo = Math.min(target.value, target.valueMax);
    const hi = Math.max(target.value, target.valueMax);
    if (lowerIsBetter) return a <= hi + EPSILON ? 'met' : 'missed';
    return a >= lo - EPSILON ? 'met' : 'missed';
  }

  const v = target.value;
  switch (bound) {
    case 'floor':
      return a >= v - EPSILON ? 'met' : 'missed';
    case 'ceiling':
      return a <= v + EPSILON ? 'met' : 'missed';
    case 'approx': {
      const tol = approxTolerance(v, target.unit);
      if (lowerIsBetter) return a <= v + tol + EPSILON ? 'met' : 'missed';
      return a >= v - tol - EPSILON ? 'met' : 'missed';
    }
    default:
      if (lowerIsBetter) return a <= v + EPSILON ? 'met' : 'missed';
      return a >= v - EPSILON ? 'met' : 'missed';
  }
}

export interface ValueChange {
  /** next − prev, in the figures' unit (percentage points for %). */
  absolute: number;
  /** (next − prev) / |prev|; null when prev is 0. */
  relative: number | null;
}

/** Change from one value to the next, for views that set two years side by side. */
export function compareValues(prev: number | { value: number }, next: number | { value: number }): ValueChange {
  const p = typeof prev === 'number' ? prev : prev.value;
  const n = typeof next === 'number' ? next : next.value;
  const absolute = n - p;
  return { absolute, relative: p === 0 ? null : absolute / Math.abs(p) };
}
