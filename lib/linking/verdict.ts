/**
 * Verdicts a researcher can cite: for a target and the outcome reported for its year, how the
 * target is read, the gap, where the outcome stands against the target, and whether it was met.
 *
 * - Reading: from the qualifier (以上/不低于/力争 … floor; 以内/不超过/控制在 … ceiling; 左右/约 …
 *   about), else the catalogue's default for the indicator (lib/catalogue/indicators.ts), else a
 *   floor when more is better and a ceiling when less is.
 * - Gap: outcome − target, in the figures' unit (percentage points for %); for a range, the
 *   distance to the nearer end (0 inside).
 * - Position: below / within / above — against the tolerance band for an about-target (the
 *   catalogue's tolerance, else ±0.5 point for %, ±5% of the value for levels), against the bound
 *   for a floor or ceiling (on the bound is within), against both ends for a range.
 * - Verdict: `met` inside the band, on the allowed side of a bound, or outside an about-band on the
 *   good side of a directional indicator (CPI 0.2% against 3%左右: met, below, gap −2.8);
 *   `missed` otherwise; `no-outcome` when no outcome is reported; `not-assessable` for a fiscal
 *   arrangement (deficit ratio, bond quotas, budget spending) without a reported outcome, and for an
 *   outcome in another unit.
 */
import type { IndicatorDirection, TargetReading } from '../catalogue';
import { catalogueEntry } from '../catalogue';
import { approxTolerance, boundOf, foldUnit as fold, isCeilingIndicator, type TargetForAssessment } from './assess';

export type Position = 'below' | 'within' | 'above';
export type Verdict = 'met' | 'missed' | 'no-outcome' | 'not-assessable';

export interface VerdictTarget extends Pick<TargetForAssessment, 'value' | 'valueMax' | 'qualifier' | 'unit' | 'metric'> {
  /** Catalogue id (or phrase key) of the indicator. */
  indicator?: string;
}

export interface VerdictOutcome {
  value: number;
  unit: string;
}

export interface TargetVerdict {
  reading: TargetReading;
  direction: IndicatorDirection;
  verdict: Verdict;
  /** outcome − target; null without an outcome. */
  gap: number | null;
  position: Position | null;
  /** Half-width of the band an about-target allows, in the unit. */
  tolerance: number;
}

const EPSILON = 1e-9;
/** Rounded to what reports print, so that 0.2 − 3 is −2.8, not −2.8000000000000003. */
const tidy = (x: number) => Math.round(x * 1e6) / 1e6;

export function readingOf(target: Pick<VerdictTarget, 'qualifier' | 'indicator' | 'metric'>): TargetReading {
  const bound = boundOf(target.qualifier);
  if (bound === 'floor' || bound === 'ceiling') return bound;
  if (bound === 'approx') return 'about';
  const entry = catalogueEntry(target.indicator);
  if (entry) return entry.reading;
  return isCeilingIndicator({ metric: target.metric }) ? 'ceiling' : 'floor';
}

export function directionOf(target: Pick<VerdictTarget, 'indicator' | 'metric'>): IndicatorDirection {
  const entry = catalogueEntry(target.indicator);
  if (entry) return entry.direction;
  return isCeilingIndicator({ metric: target.metric }) ? 'down' : 'up';
}

function toleranceOf(target: VerdictTarget): number {
  const entry = catalogueEntry(target.indicator);
  if (!entry) return approxTolerance(target.value, target.unit);
  const unit = fold(target.unit);
  return unit === '%' || unit === '个百分点' ? entry.tolerance : Math.abs(target.value) * entry.tolerance;
}

export function judgeTarget(target: VerdictTarget, outcome: VerdictOutcome | null): TargetVerdict {
  const reading = readingOf(target);
  const direction = directionOf(target);
  const tolerance = toleranceOf(target);
  const fiscal = catalogueEntry(target.indicator)?.fiscal === true;
  const base = { reading, direction, tolerance };
  if (!outcome || !Number.isFinite(outcome.value)) return { ...base, verdict: fiscal ? 'not-assessable' : 'no-outcome', gap: null, position: null };
  if (fold(outcome.unit) !== fold(target.unit) || !Number.isFinite(target.value)) return { ...base, verdict: 'not-assessable', gap: null, position: null };

  const o = outcome.value;
  const lo = target.valueMax !== undefined ? Math.min(target.value, target.valueMax) : target.value;
  const hi = target.valueMax !== undefined ? Math.max(target.value, target.valueMax) : target.value;
  const gap = tidy(o < lo ? o - lo : o > hi ? o - hi : target.valueMax !== undefined ? 0 : o - target.value);
  // A range ("6%－6.5%") is its own band.
  const band = target.valueMax === undefined && (reading === 'about' || reading === 'plan') ? tolerance : 0;
  const position: Position = gap < -band - EPSILON ? 'below' : gap > band + EPSILON ? 'above' : 'within';
  const goodSide: Position | null = direction === 'up' ? 'above' : direction === 'down' ? 'below' : null;
  let met: boolean;
  if (reading === 'floor') met = position !== 'below';
  else if (reading === 'ceiling') met = position !== 'above';
  else met = position === 'within' || position === goodSide;
  return { ...base, verdict: met ? 'met' : 'missed', gap, position };
}
