/**
 * Linking: which figures measure the same indicator — within a report (last year's result beside
 * this year's target), across the reports of a region (an indicator's history), and whether a
 * target was met.
 */
export { linkFigures, LINK_THRESHOLD } from './link';
export { buildSeries, SERIES_THRESHOLD } from './series';
export { indicatorKey, sameIndicator, canonicalPhrase, isGrowth } from './indicator';
export { assessTarget, compareValues, isCeilingIndicator } from './assess';
export type { Assessment, TargetForAssessment, ActualForAssessment, ValueChange } from './assess';
export { judgeTarget, readingOf, directionOf } from './verdict';
export type { TargetVerdict, Verdict, Position, VerdictTarget, VerdictOutcome } from './verdict';
export { buildAssessments, compareWarnings } from './assessments';
export type { TargetAssessment } from './assessments';
