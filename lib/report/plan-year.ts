/**
 * Which year a report plans (it reviews the year before), by precedence. The first rule that
 * applies decides; a later rule that disagrees is kept as a warning:
 *
 * 1. a heading naming a year: a plan heading ("2026年主要任务", "2026年重点工作", "2026年工作安排")
 *    plans that year; a review heading ("2025年工作回顾") reviews that year, so the report plans the
 *    next, except when the report's date line falls in the year the review heading names (the
 *    Xuhui sample, delivered 2023-01-04, heads its review "二〇二三年工作回顾": the report's year);
 * 2. a phrase fixing the year: "今年是“十四五”规划收官之年" (2025), "今年是“十五五”规划开局之年"
 *    (2026), or "2025年是…之年" in a paragraph that goes on with 今年;
 * 3. the title ("2026年政府工作报告");
 * 4. the report's own date line ("——2026年1月9日在…人民代表大会…会议上"), the year of delivery,
 *    or the next one for a report delivered in November or December.
 *
 * A date in the body (a visit, an event) is never a date line (see findDeliveryDate in meta.ts).
 */
import type { Heading } from './headings';
import { YEAR_SOURCE, fiveYearPlanNumber, fiveYearPlanSpan, parseYear, type FoundDate } from './years';

export interface YearDecision {
  planYear: number;
  /** The rule that decided, with its evidence: `plan heading "二、2026年主要任务"`. */
  rule: string;
  /** Later rules that name another year, and headings that name a year other than the decided one. */
  disagreements: string[];
}

export interface Candidate {
  planYear: number;
  rule: string;
}

/** The plan year a date line gives: reports delivered in November or December plan the next year. */
export function planYearOfDate(date: Pick<FoundDate, 'year' | 'month'>): number {
  return date.month >= 11 ? date.year + 1 : date.year;
}

// "今年是“十四五”规划收官之年", "今年是‘十五五’规划的开局之年": the last or first year of a plan period.
const PERIOD_YEAR =
  /今年是[^。；\n]{0,24}?[“‘"']?(十[一二三四五六七八九]?五|[三四五六七八九]五)[”’"']?\s*(?:规划)?(?:的)?(开局之年|起步之年|第一年|收官之年|最后一年|决胜之年)/;
// "2025年是…收官之年。…今年": a year named as this one in a paragraph that says 今年.
const NAMED_YEAR = new RegExp(`(${YEAR_SOURCE})\\s*年是[^。\\n]{0,60}(?:之年|一年)[^。\\n]*。[^。\\n]{0,200}今年`);

/** The year a plan-year phrase fixes, with the phrase; null when there is none. */
export function yearFromPhrase(text: string): { year: number; phrase: string } | null {
  const p = PERIOD_YEAR.exec(text);
  if (p) {
    const n = fiveYearPlanNumber(p[1]);
    const span = n === null ? null : fiveYearPlanSpan(n);
    if (span) return { year: /开局|起步|第一年/.test(p[2]) ? span.from : span.to, phrase: p[0] };
  }
  const m = NAMED_YEAR.exec(text);
  const year = m ? parseYear(m[1]) : null;
  return m && year !== null ? { year, phrase: m[0].slice(0, 30) } : null;
}

function yearOfTitle(title: string | undefined): number | null {
  if (!title) return null;
  const m = new RegExp(`(${YEAR_SOURCE})\\s*年`).exec(title);
  return m ? parseYear(m[1]) : null;
}

/**
 * `previous`: the years of the report whose next page this text is. They come first (page 1 had
 * the title, the date line and the review heading), unless this text has a date line of its own,
 * which makes it a report in its own right.
 */
export function decideYears(
  text: string,
  headings: Heading[],
  titles: Array<string | undefined>,
  date: FoundDate | null,
  previous: Candidate | null = null,
): YearDecision | null {
  const candidates: Candidate[] = [];
  if (previous && !date) candidates.push(previous);
  const plan = headings.find((h) => h.kind === 'plan' && h.year !== null);
  const review = headings.find((h) => h.kind === 'review' && h.year !== null);
  if (plan) candidates.push({ planYear: plan.year as number, rule: `plan heading "${plan.title}"` });
  if (review) {
    const y = review.year as number;
    const namesItsOwnYear = date !== null && planYearOfDate(date) === y && (!plan || plan.year === y);
    candidates.push(
      namesItsOwnYear
        ? { planYear: y, rule: `review heading "${review.title}" naming the year of the date line` }
        : { planYear: y + 1, rule: `review heading "${review.title}"` },
    );
  }
  const phrase = yearFromPhrase(text);
  if (phrase) candidates.push({ planYear: phrase.year, rule: `the phrase "${phrase.phrase}"` });
  for (const title of titles) {
    const y = yearOfTitle(title);
    if (y !== null) {
      candidates.push({ planYear: y, rule: `the title "${title}"` });
      break;
    }
  }
  if (date) candidates.push({ planYear: planYearOfDate(date), rule: `the date line ${date.year}-${date.month}-${date.day}` });
  if (candidates.length === 0) return null;

  const chosen = candidates[0];
  const disagreements = candidates
    .slice(1)
    .filter((c) => c.planYear !== chosen.planYear)
    .map((c) => `${c.rule} gives plan year ${c.planYear}, not ${chosen.planYear}`);
  for (const h of headings) {
    if (h.year === null || (h.kind !== 'review' && h.kind !== 'plan')) continue;
    const expected = h.kind === 'review' ? chosen.planYear - 1 : chosen.planYear;
    if (h.year !== expected) {
      const line = `${h.kind} heading "${h.title}" names ${h.year} but the report ${h.kind === 'review' ? 'reviews' : 'plans'} ${expected}`;
      if (!disagreements.includes(line)) disagreements.push(line);
    }
  }
  return { planYear: chosen.planYear, rule: chosen.rule, disagreements };
}
