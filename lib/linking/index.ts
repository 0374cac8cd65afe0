/**
 * Linking: which figures measure the same indicator — within a report (last year's result beside
 * this year's target), across the reports of a region (an indicator's history), and whether a
 * target was met.
 */
export { linkFigures, LINK_THRESHOLD } from './link';
export { buildSeries } from './series';
export { indicatorKey, sameIndicator, canonicalPhrase, isGrowth } from './indicator';
export { assessTarget, compareValues, isCeilingIndicator } from './assess';
export type { Assessment, ValueChange } from './assess';
export { judgeTarget } from './verdict';
export type { TargetVerdict, Verdict, Position } from './verdict';
export { buildAssessments, compareWarnings } from './assessments';
export type { TargetAssessment } from './assessments';
export { describeFigure, keyOf } from './indicator';
