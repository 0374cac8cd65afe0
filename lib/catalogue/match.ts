/**
 * Which catalogue entry a figure's canonical phrase names: the phrase, the unit's family and
 * rate-or-level must all agree with the entry (see indicators.ts).
 */
import { indicatorById, indicators, unitFamilies, type IndicatorEntry } from './indicators';

export interface PhraseToMatch {
  /** The canonical phrase (lib/linking/indicator.ts). */
  phrase: string;
  unit: string;
  growth: boolean;
  /** The change word the phrase ended in, when it was a rate. */
  direction: 'up' | 'down' | null;
}

const cache = new Map<string, IndicatorEntry | null>();
const CACHE_LIMIT = 20000;

function fits(e: IndicatorEntry, p: PhraseToMatch, families: string[]): boolean {
  if (e.growth !== p.growth) return false;
  if (!families.includes(e.family)) return false;
  if (e.growth) {
    if (e.change && p.direction !== null && p.direction !== e.change) return false;
    if (!e.change && p.direction === 'down') return false;
  } else if (p.direction !== null) {
    // A level phrase that ended in a change word is an amount of change ("比上年增加1800亿元"),
    // not the level: only an entry that is itself a change takes it, and its patterns see the
    // phrase with "↓" or "↑" for that word (农村贫困人口减少 → "农村贫困人口↓").
    if (e.change !== p.direction) return false;
    const marked = p.phrase + (p.direction === 'down' ? '↓' : '↑');
    return e.patterns.some((re) => re.test(marked));
  }
  return e.patterns.some((re) => re.test(p.phrase));
}

/** The entry the phrase names, or null. Entries are tried in catalogue order. */
export function matchCatalogue(p: PhraseToMatch): IndicatorEntry | null {
  const id = `${p.phrase}\u0000${p.unit}\u0000${p.growth}\u0000${p.direction}`;
  const known = cache.get(id);
  if (known !== undefined) return known;
  const families = unitFamilies(p.unit);
  // A rate of change is printed in % but belongs to the 'rate' family, a level in % to 'percent'.
  let hit: IndicatorEntry | null = null;
  if (p.phrase)
    for (const e of indicators())
      if (fits(e, p, families)) {
        hit = e;
        break;
      }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(id, hit);
  return hit;
}

/** The entry of a catalogue id (an indicator key that is one), else null. */
export function catalogueEntry(id: string | null | undefined): IndicatorEntry | null {
  return id ? (indicatorById(id) ?? null) : null;
}

/** Counters of places and bodies, which reports use for one another ("建成10个托幼一体园" /
 * "新增10所托幼一体园", "5家菜市场" / "5个菜市场"). Households (户), items (项, 条, 件) and
 * dwellings (套, 间) count other things and stay apart. */
const PLACE_COUNTERS = new Set(['个', '家', '所', '座', '处']);

/** Whether two units are counters of one family. */
export function sameCounterFamily(a: string, b: string): boolean {
  return a === b || (PLACE_COUNTERS.has(a) && PLACE_COUNTERS.has(b));
}

/** The group a unit is linked within: place counters share one. */
export function counterGroup(unit: string): string {
  return PLACE_COUNTERS.has(unit) ? '\u0001place' : unit;
}

/** Two counters of one family but different spelling must read more alike than one unit's figures
 * (the unit no longer vouches for them): the series threshold. */
export const CROSS_COUNTER_SCORE = 0.75;
