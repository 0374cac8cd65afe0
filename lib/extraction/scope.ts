/**
 * What a figure speaks of: its kind (actual / estimate / target / baseline) and its year or
 * period, from the section it sits in and cues in its paragraph and sentence.
 */
import type { Section, YearSpan } from '../model';

/** "今年发展主要预期目标是：…" — every figure up to the sentence's full stop is a target. */
const TARGET_STATEMENT = /(?:主要)?预期目标(?:是|为)[：:]?|主要目标(?:任务)?是[：:]?/g;

/** Spans of target statements, from the cue to the next 。 or line end. */
export function findTargetStatements(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  TARGET_STATEMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TARGET_STATEMENT.exec(text)) !== null) {
    const from = m.index;
    let end = from + m[0].length;
    while (end < text.length && text[end] !== '。' && text[end] !== '\n') end++;
    spans.push([from, end]);
    TARGET_STATEMENT.lastIndex = end;
  }
  return spans;
}

/** A paragraph opening that sets what the following paragraphs speak of. */
export type ParagraphScope = { period: YearSpan } | { year: number } | null;

const FIVE_YEARS = /^(?:——)?(?:过去五年|五年来|这五年|五年间|本届政府)/;
const PLAN_PERIOD = /^(?:——)?“?(十[一二三四五])五”?(?:时期|期间|以来)/;
const ONE_YEAR = /^(?:——)?(?:过去一年|一年来|刚刚过去的(\d{4})年|(\d{4})年，)/;

const FIVE_YEAR_PLANS: Record<string, YearSpan> = {
  十一: { from: 2006, to: 2010 },
  十二: { from: 2011, to: 2015 },
  十三: { from: 2016, to: 2020 },
  十四: { from: 2021, to: 2025 },
  十五: { from: 2026, to: 2030 },
};

/** The scope a paragraph opening sets, given the year the review speaks of. */
export function paragraphScope(opening: string, reviewYear: number | null): ParagraphScope {
  if (FIVE_YEARS.test(opening)) return reviewYear !== null ? { period: { from: reviewYear - 4, to: reviewYear } } : null;
  const plan = PLAN_PERIOD.exec(opening);
  if (plan) return { period: FIVE_YEAR_PLANS[plan[1]] };
  const one = ONE_YEAR.exec(opening);
  if (one) {
    const explicit = one[1] ?? one[2];
    if (explicit) return { year: Number(explicit) };
    return reviewYear !== null ? { year: reviewYear } : null;
  }
  return null;
}

/**
 * The year a figure's sentence names before it, for every figure of one sentence in one pass:
 * `before(offset)` is the last "YYYY年" before the offset that governs it (not a comparison base
 * "比2020年"; none after a span "2021—2025年"), for offsets that never go back. Reading the prefix
 * again for each figure would make a long sentence of figures quadratic.
 */
export class YearCursor {
  private readonly matches: Array<{ end: number; year: number; before: string; after: string }> = [];
  private i = 0;
  private found: number | null = null;
  constructor(sentence: string) {
    const re = /(\d{4})年/g;
    for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
      this.matches.push({ end: m.index + m[0].length, year: Number(m[1]), before: sentence[m.index - 1] ?? '', after: sentence[m.index + m[0].length] ?? '' });
    }
  }
  before(offset: number): number | null {
    for (; this.i < this.matches.length && this.matches[this.i].end <= offset; this.i++) {
      const { year, before, after, end } = this.matches[this.i];
      if (year < 1949 || year > 2100) continue;
      if (before === '比' || before === '较' || before === '于' || before === '与' || before === '同') continue;
      if (before === '—' || before === '-' || before === '－' || before === '至' || before === '~') {
        this.found = null;
        continue;
      }
      // The character after 年 is outside the prefix when the prefix ends right there.
      if (end < offset && (after === '—' || after === '-' || after === '－' || after === '至')) continue;
      this.found = year;
    }
    return this.found;
  }
}

/** The section holding an offset; sections are assumed sorted by start and not overlapping. */
export class SectionCursor {
  private i = 0;
  constructor(private readonly sections: Section[]) {}
  at(offset: number): Section | null {
    const s = this.sections;
    while (this.i < s.length && s[this.i].end <= offset) this.i++;
    if (this.i < s.length && s[this.i].start <= offset && offset < s[this.i].end) return s[this.i];
    // Sections may come unsorted or nested: fall back to a search for the innermost.
    let best: Section | null = null;
    for (const sec of s) {
      if (sec.start <= offset && offset < sec.end && (!best || sec.start >= best.start)) best = sec;
    }
    return best;
  }
}
