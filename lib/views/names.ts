/**
 * A report's name as readers tell reports apart. Most titles are just "政府工作报告", so the plan
 * year and (below the national level) the region are put in front when the title lacks them.
 * Both are the report's own Chinese words, so the name reads the same in either interface
 * language and in every export; the views, the notes and the files all call this one function.
 */
import type { ReportFacts } from '../model';

export function reportLabel(r: Pick<ReportFacts, 'title' | 'region' | 'level' | 'planYear'>, fallback = '政府工作报告'): string {
  let name = r.title?.trim() || fallback;
  if (r.planYear != null && !name.includes(String(r.planYear))) name = `${r.planYear}年${name}`;
  if (r.region && r.level !== 'national' && r.region !== '全国' && !name.includes(r.region)) name = `${r.region}${name}`;
  return name;
}
