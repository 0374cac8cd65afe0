/** lib/catalogue: what the rest of the project uses of it. */
export { CROSS_COUNTER_SCORE, catalogueEntry, counterGroup, matchCatalogue, sameCounterFamily } from './match';
export type { IndicatorDirection, TargetReading } from './indicators';
export { indicators } from './indicators';
