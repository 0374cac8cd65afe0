/**
 * Kind rules: whether a figure is an actual result, an estimate or a target, from the section it
 * sits in and the cues of its sentence. A from→to baseline is decided by the metric reading
 * (extraction/index.ts) and overrides these.
 */
import type { FigureKind, SectionKind } from '../../model';
import type { Rule } from './rule';
import { runFirst } from './rule';

export interface KindCase {
  section: SectionKind;
  inTargetStatement: boolean;
  estimateCue: boolean;
  /** The sentence up to the figure (read only outside the review and plan sections). */
  sentenceBefore: () => string;
  followedByTargetNoun: boolean;
  kind: FigureKind;
}

/** Cues of a target in a sentence outside the review and plan sections (annexes, glossaries):
 * striving words, or a deadline year ("到2030年，布局20个左右重大专项"). */
const STRIVE_CUE = /力争|争取|确保|预期目标|目标是|拟|到(?:20\d\d|二〇[一二三四五六七八九〇]{2})年/;

export const KIND_RULES: readonly Rule<KindCase>[] = [
  // "今年发展主要预期目标是：…": every figure up to the full stop.
  { name: 'target-statement', applies: (c) => c.inTargetStatement, resolve: (c) => (c.kind = 'target') },
  // "增长5%的预期目标"
  { name: 'target-noun-after', applies: (c) => c.followedByTargetNoun, resolve: (c) => (c.kind = 'target') },
  { name: 'plan-section', applies: (c) => c.section === 'plan', resolve: (c) => (c.kind = 'target') },
  // "预计全年地区生产总值增长5.2%" in the review.
  { name: 'review-estimate', applies: (c) => c.section === 'review' && c.estimateCue, resolve: (c) => (c.kind = 'estimate') },
  { name: 'review-section', applies: (c) => c.section === 'review', resolve: (c) => (c.kind = 'actual') },
  // Outside any known section: read the sentence itself.
  { name: 'estimate-cue', applies: (c) => c.estimateCue, resolve: (c) => (c.kind = 'estimate') },
  { name: 'strive-cue', applies: (c) => STRIVE_CUE.test(c.sentenceBefore()), resolve: (c) => (c.kind = 'target') },
];

export function resolveKind(c: KindCase): string {
  const name = runFirst(KIND_RULES, c);
  if (name) return name;
  c.kind = 'actual';
  return 'default-actual';
}
