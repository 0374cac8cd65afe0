/**
 * Within one report: each plan target joined to the review figure of the same indicator, so that
 * "年税收超亿元楼宇达到70幢" sits beside last year's "达60幢".
 */
import type { Figure, Link } from '../model';
import { describeFigure, scoreIndicators } from './indicator';
import { counterGroup } from '../catalogue/match';

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
  return f.section === 'review' && (f.kind === 'actual' || f.kind === 'estimate') && !f.period;
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
  const reviewByGroup = new Map<string, number[]>();
  for (const i of review) {
    const g = groupOf(i);
    const list = reviewByGroup.get(g);
    if (list) list.push(i);
    else reviewByGroup.set(g, [i]);
  }
  const links: Link[] = [];
  for (const to of plan) {
    let best = -1;
    let bestScore = 0;
    for (const from of reviewByGroup.get(groupOf(to)) ?? []) {
      const score = scoreIndicators(described.get(from)!, described.get(to)!);
      if (score > bestScore) {
        best = from;
        bestScore = score;
      }
    }
    if (best >= 0 && bestScore >= LINK_THRESHOLD) {
      links.push({ from: best, to, score: Math.round(bestScore * 1000) / 1000 });
    }
  }
  return links;
}
