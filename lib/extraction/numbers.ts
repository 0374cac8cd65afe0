/**
 * Reading one printed quantity: numeral, magnitude (万/亿/万亿), approximate markers (多/余),
 * unit, and a range's high end ("6%－6.5%", "5.0%—5.5%", "3—5年").
 *
 * The reader works on normalised text (full-width digits and ％ already folded) and only looks
 * forward from a digit, so it costs a few character comparisons per number.
 */

import { UNITS } from '../lexicon';

/** Magnitudes a numeral can carry, longest first so "万亿" wins over "万". */
const MAGNITUDES: ReadonlyArray<[string, number]> = [
  ['万亿', 1e12],
  ['千亿', 1e11],
  ['百亿', 1e10],
  ['千万', 1e7],
  ['百万', 1e6],
  ['亿', 1e8],
  ['万', 1e4],
  // "5千多户", "2万5千公里": only when no unit starting with 千 (千瓦, 千米 …) is printed there.
  ['千', 1e3],
];

/**
 * Units, matched longest first. Compound units (微克/立方米, 元/人) are kept whole because the
 * reader of a figure needs the rate, not just its numerator. "千瓦"/"千米" must be listed so the
 * 千 is never mistaken for a magnitude.
 */
const UNIT_LIST: readonly string[] = UNITS;

/** Units by first character, each list longest first. */
const UNITS_BY_FIRST = new Map<string, string[]>();
for (const u of [...UNIT_LIST].sort((a, b) => b.length - a.length)) {
  const list = UNITS_BY_FIRST.get(u[0]) ?? [];
  list.push(u);
  UNITS_BY_FIRST.set(u[0], list);
}

/** Characters that join a range's two ends. 至/到 only join when a numeral follows directly. */
const RANGE_JOINERS = new Set(['-', '－', '—', '–', '~', '～', '〜', '至', '到']);

export interface Quantity {
  /** Offset of the first digit. */
  start: number;
  /** End of the quantity including unit (exclusive), before any suffix qualifier. */
  end: number;
  value: number;
  valueMax?: number;
  unit: string;
  /** 多 or 余 printed inside the quantity ("6600多万", "2700余户"). */
  approx: '多' | '余' | null;
  /** The numeral as printed (digits only, no magnitude), for the exclusion rules. */
  numeral: string;
  magnitude: string;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Reads "123", "1,234", "12.5" at `at`; returns the end offset, or `at` when there is none. */
export function readNumeral(text: string, at: number): number {
  let i = at;
  while (isDigit(text[i])) i++;
  if (i === at) return at;
  // Thousands separators only in the strict form "1,234" — reports use "," between clauses too.
  while (text[i] === ',' && isDigit(text[i + 1]) && isDigit(text[i + 2]) && isDigit(text[i + 3]) && !isDigit(text[i + 4])) {
    i += 4;
  }
  if (text[i] === '.' && isDigit(text[i + 1])) {
    i++;
    while (isDigit(text[i])) i++;
  }
  return i;
}

function readMagnitude(text: string, at: number): [string, number] | null {
  for (const [m, f] of MAGNITUDES) {
    if (text.startsWith(m, at)) {
      // "千瓦"/"千米"/"千克"/"千伏" after a numeral are units, not the magnitude 千; "万人" is 万 + 人.
      if (m === '千' && readUnit(text, at).startsWith('千')) return null;
      return [m, f];
    }
  }
  return null;
}

/**
 * The lower part of a mixed numeral after 万 or 亿: "1万6千多户" (6千), "1亿3千多万" (3千…万),
 * "2万5千公里". Reports write these where the digits would be hard to read; the part must be
 * smaller than the magnitude before it, or it is a new number.
 */
function readLowerPart(text: string, at: number, above: number): { end: number; value: number; approx: '多' | '余' | null } | null {
  const numEnd = readNumeral(text, at);
  if (numEnd === at) return null;
  let value = Number(text.slice(at, numEnd).replace(/,/g, ''));
  let i = numEnd;
  if (text[i] === '千' && !readUnit(text, i).startsWith('千')) value *= 1e3;
  else if (text[i] === '百') value *= 1e2;
  else return null;
  i++;
  let approx: '多' | '余' | null = null;
  if (text[i] === '多' || text[i] === '余') {
    approx = text[i] as '多' | '余';
    i++;
  }
  if (above === 1e8 && text[i] === '万') {
    value *= 1e4;
    i++;
  }
  if (!(value < above)) return null;
  return { end: i, value, approx };
}

export function readUnit(text: string, at: number): string {
  const list = UNITS_BY_FIRST.get(text[at]);
  if (!list) return '';
  for (const u of list) if (text.startsWith(u, at)) return u;
  return '';
}

interface Part {
  end: number;
  value: number;
  approx: '多' | '余' | null;
  magnitude: string;
  unit: string;
  numeral: string;
}

/** Reads numeral, 多/余, magnitude, 多/余, unit starting at a digit. */
function readPart(text: string, at: number): Part | null {
  const numEnd = readNumeral(text, at);
  if (numEnd === at) return null;
  const numeral = text.slice(at, numEnd);
  let value = Number(numeral.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  let i = numEnd;
  let approx: '多' | '余' | null = null;
  if (text[i] === '多' || text[i] === '余') {
    // "6600多万" / "2700余户": the marker sits before the magnitude or unit. Only take it when a
    // magnitude or unit follows, so "10多" at a clause end still reads (unit ''), but "3多元化"
    // style words do not turn into markers.
    approx = text[i] as '多' | '余';
    i++;
  }
  let magnitude = '';
  const mag = readMagnitude(text, i);
  if (mag) {
    magnitude = mag[0];
    value *= mag[1];
    i += mag[0].length;
    if (!approx && (mag[1] === 1e4 || mag[1] === 1e8) && isDigit(text[i])) {
      const lower = readLowerPart(text, i, mag[1]);
      if (lower) {
        value += lower.value;
        approx = lower.approx;
        i = lower.end;
      }
    }
    if (!approx && (text[i] === '多' || text[i] === '余')) {
      approx = text[i] as '多' | '余';
      i++;
    }
    if (magnitude === '万' && text[i] === '亿') {
      // "3万多亿元": tens of thousands of 亿.
      magnitude = '万亿';
      value *= 1e8;
      i++;
    }
  }
  let unit = readUnit(text, i);
  // 方 is cubic metres in "38.8亿方" but the start of a word in "3.0方案", "两方面".
  if (unit === '方' && /[案式法向针面]/.test(text[i + 1] ?? '')) unit = '';
  i += unit.length;
  // "13亿多人口": 人口 counts people; the 口 belongs to the quantity, not to the words after it.
  if (unit === '人' && text[i] === '口') i++;
  if (unit && text[i] === '/') {
    // A rate written with a slash the list does not hold: "3-5分/立方米", "12元/次".
    const per = readUnit(text, i + 1);
    if (per && per !== '%') {
      unit = `${unit}/${per}`;
      i += 1 + per.length;
    }
  }
  if (!unit && magnitude) {
    // "1.6万P" (petaflops), "100万kW": a Latin unit after a magnitude. (Straight after the digits,
    // Latin letters make a code instead: 5G, 3A, C919.)
    const latin = /^[A-Za-z]{1,5}(?![A-Za-z0-9])/.exec(text.slice(i, i + 6));
    if (latin) {
      unit = latin[0];
      i += unit.length;
    }
  }
  if (!unit && /[金银铜]/.test(text[i] ?? '') && /^(?:牌)?(?:[0-9、，。；,)）的]|$)/.test(text.slice(i + 1, i + 3))) {
    // Medal tallies: "2金2银1铜", "4金、13金".
    unit = text[i] + (text[i + 1] === '牌' ? '牌' : '');
    i += unit.length;
  }
  if (approx && !magnitude && !unit) {
    // "多" followed by neither a magnitude nor a unit is most likely a word ("多元", "多措并举").
    const next = text[i];
    if (next !== undefined && /[\u4e00-\u9fff]/.test(next) && !/[，。；、）)]/.test(next)) {
      approx = null;
      i = numEnd;
    }
  }
  // Round away float noise from the magnitude multiplication (1.39 * 1e12).
  value = Number(value.toPrecision(12));
  return { end: i, value, approx, magnitude, unit, numeral };
}

/** Reads the quantity whose first digit is at `at`, including a range's high end. */
export function readQuantity(text: string, at: number): Quantity | null {
  const first = readPart(text, at);
  if (!first) return null;
  const q: Quantity = {
    start: at,
    end: first.end,
    value: first.value,
    unit: first.unit,
    approx: first.approx,
    numeral: first.numeral,
    magnitude: first.magnitude,
  };
  const joiner = text[first.end];
  if (joiner !== undefined && RANGE_JOINERS.has(joiner) && isDigit(text[first.end + 1])) {
    const second = readPart(text, first.end + 1);
    // A range's ends share a unit: "6%－6.5%" or "3—5年" (the low end printed bare).
    if (second && (first.unit === '' || first.unit === second.unit) && (second.unit !== '' || first.unit === '')) {
      let low = first.value;
      if (first.unit === '' && !first.magnitude && second.magnitude) {
        // "3-5万人": the magnitude is printed once, on the high end.
        low = Number((low * (second.value / Number(second.numeral.replace(/,/g, '')))).toPrecision(12));
      }
      if (second.value > low) {
        q.value = low;
        q.valueMax = second.value;
        q.unit = second.unit;
        q.end = second.end;
        q.magnitude = second.magnitude || first.magnitude;
        q.approx = second.approx ?? first.approx;
      }
    }
  }
  return q;
}
