/**
 * Within one report: each plan target joined to the review figure of the same indicator, so that
 * "年税收超亿元楼宇达到70幢" sits beside last year's "达60幢".
 */
import type { Figure, Link } from '../model';
import { describeFigure, scoreIndicators, type FigureIndicator } from './indicator';
import { synonymKey } from './synonyms';
import { counterGroup, matchCatalogue } from '../catalogue';
import { isOutcome } from '../kinds';
import { bucketBy } from '../lexicon';

/**
 * The lowest score a link may have. Measured on the sample and the national reports: true pairs
 * whose wording differs score 0.65–0.85 ("供应公租房"/"公租房供应" 0.85, "电梯加装签约"/
 * "既有多层住宅加装电梯签约" 0.68); look-alikes in the same unit that share one word
 * ("廉租房租金配租家庭"/"廉租租金补贴") score about 0.45. 0.55 keeps the first and drops the second;
 * a missing link costs the reader less than a wrong one, which would pair unrelated numbers.
 */
export const LINK_THRESHOLD = 0.55;

/** Figures that speak of last year: actuals and estimates of a review section, not five-year figures. */
export function isReviewFigure(f: Figure): boolean {
  return f.section === 'review' && isOutcome(f.kind) && !f.period;
}

/** Figures that commit this year: targets of a plan section, not long-range or period goals, and
 * not the restatement of a target already set (`restates`). */
export function isPlanFigure(f: Figure): boolean {
  return f.section === 'plan' && f.kind === 'target' && !f.period && f.restates === undefined;
}

/**
 * For each plan target, the review figure that best measures (`scoreIndicators`, each figure read
 * with its neighbours so that a bare "完工295台" borrows the subject of the figure before it) the same indicator (highest
 * score at or above LINK_THRESHOLD; on a tie, the earlier review figure, since
 * reviews open with their headline figures). A review figure may serve several targets
 * ("增长7%以上、力争达到8%" are two targets of one indicator).
 */
export function linkFigures(figures: Figure[]): Link[] {
  const review: number[] = [];
  const plan: number[] = [];
  figures.forEach((f, i) => {
    if (isReviewFigure(f)) review.push(i);
    else if (isPlanFigure(f)) plan.push(i);
  });
  const described = new Map<number, ReturnType<typeof describeFigure>>();
  for (const i of [...review, ...plan]) described.set(i, describeFigure(figures[i], figures, i));
  // Only figures of one unit (or place counters: 个/所/家) and one rate-or-level can score
  // above zero: compare within those groups.
  const groupOf = (i: number): string => {
    const d = described.get(i)!;
    return `${counterGroup(d.unit)}\u0000${d.growth}`;
  };
  const reviewByGroup = bucketBy(review, groupOf);
  const links: Link[] = [];
  // Candidates, not all pairs: per group, review figures that describe one indicator identically
  // score identically, so only the first of each description is compared (the earliest wins a tie
  // anyway); a target is compared only with descriptions sharing a character of its phrase or its
  // synonym key (any other scores 0); and targets of one description share one answer. A report
  // repeating "增长5%" thousands of times then costs one comparison, not millions.
  const candidatesOf = new Map<string, Candidates>();
  const answerOf = new Map<string, { from: number; score: number }>();
  for (const to of plan) {
    const target = described.get(to)!;
    const group = groupOf(to);
    let candidates = candidatesOf.get(group);
    if (!candidates) {
      candidates = indexCandidates(reviewByGroup.get(group) ?? [], described);
      candidatesOf.set(group, candidates);
    }
    const key = `${group}\u0000${descriptionKey(target)}`;
    let answer = answerOf.get(key);
    if (!answer) {
      answer = { from: -1, score: 0 };
      for (const from of candidates.for(target)) {
        const score = scoreIndicators(described.get(from)!, target);
        if (score > answer.score) answer = { from, score };
      }
      answerOf.set(key, answer);
    }
    if (answer.from >= 0 && answer.score >= LINK_THRESHOLD) {
      links.push({ from: answer.from, to, score: Math.round(answer.score * 1000) / 1000 });
    }
  }
  return links;
}

/** Everything scoreIndicators reads of a description besides unit and growth (the group's). */
function descriptionKey(d: FigureIndicator): string {
  return `${d.phrase}\u0000${d.unit}\u0000${d.amount ?? ''}\u0000${d.direction}\u0000${d.stages.join(',')}\u0000${d.weak}`;
}

interface Candidates {
  /** Review figures (first of each description, in text order) a target could score above 0 with. */
  for(target: FigureIndicator): number[];
}

/** Review figures of one group, one per description, indexed by the characters of their phrase,
 * by synonym key and by catalogue entry. */
function indexCandidates(review: number[], described: Map<number, FigureIndicator>): Candidates {
  const firsts: number[] = [];
  const seen = new Set<string>();
  for (const i of review) {
    const k = descriptionKey(described.get(i)!);
    if (seen.has(k)) continue;
    seen.add(k);
    firsts.push(i);
  }
  const byChar = new Map<string, number[]>();
  const bySynonym = new Map<string, number[]>();
  const byCatalogue = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, k: string, i: number) => {
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  };
  for (const i of firsts) {
    const d = described.get(i)!;
    if (d.weak) continue;
    for (const c of new Set(d.phrase)) add(byChar, c, i);
    const syn = synonymKey(d.phrase);
    if (syn) add(bySynonym, syn, i);
    const entry = matchCatalogue(d);
    if (entry) add(byCatalogue, entry.id, i);
  }
  return {
    for(target) {
      if (target.weak) return [];
      const found = new Set<number>();
      for (const c of new Set(target.phrase)) for (const i of byChar.get(c) ?? []) found.add(i);
      const syn = synonymKey(target.phrase);
      if (syn) for (const i of bySynonym.get(syn) ?? []) found.add(i);
      const entry = matchCatalogue(target);
      if (entry) for (const i of byCatalogue.get(entry.id) ?? []) found.add(i);
      return [...found].sort((a, b) => a - b);
    },
  };
}
