/**
 * Hedges and bounds: the words that qualify a figure, where they stand, and how each reads as a
 * target. A floor is met by reaching the value or more ("增长5%以上", "不低于85%"), a ceiling by
 * staying at or under it ("控制在3%以内", "不超过"), about by coming near it ("5%左右", "约").
 */
export type TargetReading = 'about' | 'floor' | 'ceiling';

/** Bounds printed right before the numeral ("不低于85%", "约4.7万平方米", "超过126万亿元"). */
export const BOUNDS_BEFORE: ReadonlyArray<readonly [string, TargetReading]> = [
  ['不低于', 'floor'],
  ['不高于', 'ceiling'],
  ['不少于', 'floor'],
  ['不超过', 'ceiling'],
  ['不多于', 'ceiling'],
  ['不足', 'ceiling'],
  ['不到', 'ceiling'],
  ['超过', 'floor'],
  ['突破', 'floor'],
  ['接近', 'about'],
  ['将近', 'about'],
  ['高于', 'floor'],
  ['低于', 'ceiling'],
  ['多于', 'floor'],
  ['少于', 'ceiling'],
  ['逾', 'floor'],
  ['超', 'floor'],
  ['约', 'about'],
  ['近', 'about'],
];

/** Bounds printed right after the unit ("5%左右", "4000个以上", "3%以内"). */
export const BOUNDS_AFTER: ReadonlyArray<readonly [string, TargetReading]> = [
  ['及以上', 'floor'],
  ['及以下', 'ceiling'],
  ['左右', 'about'],
  ['以上', 'floor'],
  ['以内', 'ceiling'],
  ['以下', 'ceiling'],
  ['上下', 'about'],
  ['之内', 'ceiling'],
];

/** 多 and 余 inside the quantity ("6600多万", "2700余户"): more than the printed value. */
export const APPROX_INSIDE: ReadonlyArray<readonly [string, TargetReading]> = [
  ['多', 'floor'],
  ['余', 'floor'],
];

/** Words of the clause that qualify a target without touching it ("力争达到8%", "控制在3%"). */
export const CLAUSE_HEDGES: ReadonlyArray<readonly [string, TargetReading]> = [
  ['力争', 'floor'],
  ['达到', 'floor'],
  ['至少', 'floor'],
  ['控制在', 'ceiling'],
  ['大约', 'about'],
  ['预计', 'about'],
];

/** Reach verbs touching the numeral ("总数达23家"): a qualifier, but outside the figure's span. */
export const REACH_MARKS = ['达到', '达'];

const READING = new Map<string, TargetReading>([...BOUNDS_BEFORE, ...BOUNDS_AFTER, ...APPROX_INSIDE, ...CLAUSE_HEDGES]);

/** How a target with this qualifier reads (about, floor or ceiling); null for no qualifier or an
 * unknown word. For linking and target verdicts. */
export function targetReading(qualifier: string | null | undefined): TargetReading | null {
  if (!qualifier) return null;
  return READING.get(qualifier) ?? null;
}
