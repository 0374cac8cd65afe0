/**
 * Qualifier words around a quantity.
 *
 * Rule for the figure's text span: bound and hedge words that touch the quantity belong to the
 * figure and are highlighted with it ("不低于85%", "约4.7万平方米", "5%左右", "超过126万亿元",
 * "2700余户"); verbs that merely introduce it (达到, 力争, 预计) never are, so highlights stay on
 * the quantity itself. The `qualifier` field takes, in order of preference: a touching bound
 * after the unit (以上, 左右 …), a touching bound before the numeral (不低于, 约 …), 多/余 inside
 * the quantity, 力争 in the clause, a touching 达/达到, and last 预计 (which `kind` already says).
 */

import { BOUNDS_AFTER, BOUNDS_BEFORE, REACH_MARKS } from '../lexicon';

/** Bounds and hedges printed before the numeral (lexicon), longest first. */
const PREFIX_BOUNDS = BOUNDS_BEFORE.map(([w]) => w).sort((a, b) => b.length - a.length);

/** Characters that, just before a prefix word, show it is part of another word (节约, 赶超, 最近 …). */
const PREFIX_BLOCKERS: Record<string, string> = {
  约: '节制签合契公条预大',
  超: '赶高',
  近: '最附邻就接将亲',
  达: '下抵表传送通直发到',
};

/** Bounds printed after the unit (lexicon), longest first. */
const SUFFIX_BOUNDS = BOUNDS_AFTER.map(([w]) => w).sort((a, b) => b.length - a.length);

export interface TouchingQualifiers {
  /** Bound before the numeral and where it starts (to widen the span), or null. */
  prefix: string | null;
  prefixStart: number;
  /** 达/达到 touching the numeral: a qualifier but not part of the span. */
  reach: boolean;
  /** Where the text before the quantity proper ends (before any prefix bound or 达到). */
  leadEnd: number;
  suffix: string | null;
  suffixEnd: number;
}

export function readTouchingQualifiers(text: string, start: number, end: number, lineFloor: number): TouchingQualifiers {
  let prefix: string | null = null;
  let prefixStart = start;
  for (const w of PREFIX_BOUNDS) {
    const s = start - w.length;
    if (s < lineFloor || !text.startsWith(w, s)) continue;
    const blockers = PREFIX_BLOCKERS[w];
    if (blockers && s > 0 && blockers.includes(text[s - 1])) continue;
    prefix = w;
    prefixStart = s;
    break;
  }
  let reach = false;
  let leadEnd = prefixStart;
  for (const w of REACH_MARKS) {
    const s = prefixStart - w.length;
    if (s < lineFloor || !text.startsWith(w, s)) continue;
    if (w === '达' && s > 0 && PREFIX_BLOCKERS['达'].includes(text[s - 1])) continue;
    reach = true;
    leadEnd = s;
    break;
  }
  let suffix: string | null = null;
  let suffixEnd = end;
  for (const w of SUFFIX_BOUNDS) {
    if (text.startsWith(w, end)) {
      suffix = w;
      suffixEnd = end + w.length;
      break;
    }
  }
  return { prefix, prefixStart, reach, leadEnd, suffix, suffixEnd };
}
