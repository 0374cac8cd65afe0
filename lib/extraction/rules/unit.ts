/**
 * Unit rules: the unit printed with the quantity ('printed'), or a rate over a base printed
 * before the number ('per-base'). A 分别 list may later give a bare item the unit printed once
 * after its last figure ('shared-after-list', see lists.ts).
 */
import type { Rule } from './rule';
import { runFirst } from './rule';

export interface UnitCase {
  text: string;
  /** Where the words before the quantity end, and the sentence start (no look past it). */
  leadEnd: number;
  sentenceStart: number;
  unit: string;
}

const PER_BASE = /每(立方米|平方米|平方公里|千瓦时|公斤|千克|吨|亩|斤)$/;
const RATE_UNIT = /^(?:微克|毫克|元|公斤|千克|斤|吨|千瓦时|立方米)$/;

function perBase(c: UnitCase): RegExpExecArray | null {
  return PER_BASE.exec(c.text.slice(Math.max(c.sentenceStart, c.leadEnd - 6), c.leadEnd));
}

export const UNIT_RULES: readonly Rule<UnitCase>[] = [
  // "每立方米20微克" → 微克/立方米.
  { name: 'per-base', applies: (c) => RATE_UNIT.test(c.unit) && perBase(c) !== null, resolve: (c) => (c.unit = `${c.unit}/${perBase(c)![1]}`) },
];

export function resolveUnit(c: UnitCase): string {
  return runFirst(UNIT_RULES, c) ?? 'printed';
}
