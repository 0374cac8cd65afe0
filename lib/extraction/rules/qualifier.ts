/**
 * Qualifier rules, in order of preference: a touching bound after the unit (以上, 左右 …), a
 * touching bound before the numeral (不低于, 约 …), 多/余 inside the quantity, 力争 in the
 * clause, a touching 达/达到, and last 预计 (which the kind already says). 'none' when no word
 * hedges the figure.
 */
import type { TouchingQualifiers } from '../qualifiers';
import type { Rule } from './rule';
import { runFirst } from './rule';

export interface QualifierCase {
  touching: TouchingQualifiers;
  approx: '多' | '余' | null;
  strive: boolean;
  estimateCue: boolean;
  qualifier: string | null;
}

export const QUALIFIER_RULES: readonly Rule<QualifierCase>[] = [
  // "5%左右", "4000个以上"
  { name: 'bound-after', applies: (c) => c.touching.suffix !== null, resolve: (c) => (c.qualifier = c.touching.suffix) },
  // "不低于85%", "约4.7万平方米"
  { name: 'bound-before', applies: (c) => c.touching.prefix !== null, resolve: (c) => (c.qualifier = c.touching.prefix) },
  // "2700余户", "3600多万"
  { name: 'approx-in-number', applies: (c) => c.approx !== null, resolve: (c) => (c.qualifier = c.approx) },
  // "力争达到8%"
  { name: 'strive-in-clause', applies: (c) => c.strive, resolve: (c) => (c.qualifier = '力争') },
  // "总数达23家"
  { name: 'reach-verb', applies: (c) => c.touching.reach, resolve: (c) => (c.qualifier = '达到') },
  // "预计全年地区生产总值增长5%"
  { name: 'estimate-cue', applies: (c) => c.estimateCue, resolve: (c) => (c.qualifier = '预计') },
];

export function resolveQualifier(c: QualifierCase): string {
  return runFirst(QUALIFIER_RULES, c) ?? 'none';
}
