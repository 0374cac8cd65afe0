/**
 * Years and dates as reports print them: "2023年", "二〇二三年", "二o二四年" (a Latin o typed for 〇),
 * "二零二四年", and delivery dates "2023年1月4日" / "二〇二三年一月四日".
 */

const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  o: 0,
  O: 0,
  Ｏ: 0,
  '0': 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** A year written digit by digit, Arabic or Chinese: the pattern source, without the 年. */
export const YEAR_SOURCE = '(?:(?:19|20)\\d{2}|[一二][〇零○oOＯ一二三四五六七八九]{3})';

/** Reads a year written as four Arabic or four Chinese digits; null when it is not a plausible year. */
export function parseYear(s: string): number | null {
  const t = s.trim();
  if (/^\d{4}$/.test(t)) return plausible(Number(t));
  if (t.length !== 4) return null;
  let n = 0;
  for (const ch of t) {
    const d = DIGIT[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return plausible(n);
}

function plausible(y: number): number | null {
  return y >= 1949 && y <= 2100 ? y : null;
}

/** Reads 1..31 in Arabic digits or Chinese numerals ("四", "十二", "二十一", "三十"). */
export function parseSmallNumber(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  const [, tensOrUnit, ten, unit] = m;
  if (!ten) return tensOrUnit && !unit ? DIGIT[tensOrUnit] : null;
  const tens = tensOrUnit ? DIGIT[tensOrUnit] : 1;
  return tens * 10 + (unit ? DIGIT[unit] : 0);
}

const CN_SMALL = '[一二三四五六七八九十]{1,3}';

/** A full date "YYYY年M月D日" in Arabic or Chinese numerals (spaces tolerated between parts). */
export const DATE_PATTERN = new RegExp(`(${YEAR_SOURCE})\\s*年\\s*(\\d{1,2}|${CN_SMALL})\\s*月\\s*(\\d{1,2}|${CN_SMALL})\\s*日`, 'g');

export interface FoundDate {
  year: number;
  month: number;
  day: number;
  start: number;
  end: number;
}

/** Turns a DATE_PATTERN match into numbers; null for impossible dates. */
export function readDateMatch(m: RegExpExecArray): FoundDate | null {
  const year = parseYear(m[1]);
  const month = parseSmallNumber(m[2]);
  const day = parseSmallNumber(m[3]);
  if (year === null || month === null || day === null) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day, start: m.index, end: m.index + m[0].length };
}

export function isoDate(d: { year: number; month: number; day?: number }): string {
  const mm = String(d.month).padStart(2, '0');
  if (d.day === undefined) return `${d.year}-${mm}`;
  return `${d.year}-${mm}-${String(d.day).padStart(2, '0')}`;
}

/** The first year printed in a short string (a heading), or null. */
export function firstYearIn(s: string): number | null {
  const m = new RegExp(`(${YEAR_SOURCE})\\s*年`).exec(s);
  return m ? parseYear(m[1]) : null;
}

/**
 * The years of a five-year plan period: 一五 was 1953–1957, then a three-year adjustment (1963–1965)
 * before 三五 began in 1966, so from 三五 on the Nth plan starts in 1966 + 5(N−3).
 */
export function fiveYearPlanSpan(n: number): { from: number; to: number } | null {
  if (n < 3 || n > 30) return null;
  const from = 1966 + 5 * (n - 3);
  return { from, to: from + 4 };
}

/** Reads the N of "十三五", "十四五", "十五五" (the Chinese ordinal before 五). */
export function fiveYearPlanNumber(s: string): number | null {
  const m = /(十[一二三四五六七八九]?|[三四五六七八九])五/.exec(s);
  if (!m) return null;
  const n = parseSmallNumber(m[1]);
  return n;
}
