/**
 * The lexicon: every word class the engine reads reports with, in one place, and the patterns
 * built from them. Extraction (lib/extraction) and linking (lib/linking) both build their
 * patterns from here, so a word added once is read the same way by both.
 *
 * - change.ts: change words and their direction (增长 up, 下降 down, 增产 up …)
 * - hedges.ts: bounds and hedges, where they stand, and how each reads as a target (about, floor, ceiling)
 * - units.ts: units, and counters by family (个/所/家/座 …)
 * - verbs.ts: level verbs (控制在), reach verbs (惠及), actions (新建, 开工), noun modifiers, lifecycle stages
 * - noise.ts: words that say when or how sure, not what
 */
export * from './build';
export * from './change';
export * from './hedges';
export * from './units';
export * from './verbs';
