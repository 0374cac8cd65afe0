/**
 * One assessment per target of a set of reports: each yearly target of a series beside the outcome
 * a later report gives for that year, with its verdict (verdict.ts). This is the research table
 * `zhibiao compare` prints first; other commands (a panel over many regions) call it too.
 */
import type { Analysis, FigureKind, Series, SeriesPoint } from '../model';
import type { TargetReading } from '../catalogue';
import { catalogueEntry } from '../catalogue';
import { indicators } from '../catalogue';
import { judgeTarget, type Position, type Verdict } from './verdict';
import { isOutcome } from '../kinds';

export interface TargetAssessment {
  /** Catalogue id, else the series' phrase key. */
  indicator: string;
  /** The catalogue's Chinese name, else the commonest wording. */
  name: string;
  region: string;
  unit: string;
  /** The year the target is for. */
  year: number;
  target: { value: number; valueMax?: number; qualifier: string | null; reading: TargetReading; text: string; file: string; start: number; end: number };
  outcome: { value: number; kind: FigureKind; text: string; file: string; start: number; end: number } | null;
  verdict: Verdict;
  /** outcome − target (percentage points for %); null without an outcome. */
  gap: number | null;
  position: Position | null;
}

/** The outcome of a year: an actual before an estimate, the earliest report first. */
function outcomeOf(points: SeriesPoint[], year: number): SeriesPoint | null {
  const outcomes = points.filter((p) => p.year === year && isOutcome(p.kind));
  return outcomes.find((p) => p.kind === 'actual') ?? outcomes[0] ?? null;
}

export function buildAssessments(series: Series[]): TargetAssessment[] {
  const out: TargetAssessment[] = [];
  for (const s of series) {
    const entry = catalogueEntry(s.key);
    for (const t of s.points) {
      if (t.kind !== 'target') continue;
      const o = outcomeOf(s.points, t.year);
      const judged = judgeTarget(
        { value: t.value, valueMax: t.valueMax, qualifier: t.qualifier, unit: s.unit, indicator: s.key, metric: s.metric },
        o ? { value: o.value, unit: s.unit } : null,
      );
      const target: TargetAssessment['target'] = {
        value: t.value,
        qualifier: t.qualifier,
        reading: judged.reading,
        text: t.text,
        file: t.source,
        start: t.start,
        end: t.end,
      };
      if (t.valueMax !== undefined) target.valueMax = t.valueMax;
      out.push({
        indicator: s.key,
        name: entry?.zh ?? s.metric,
        region: s.region,
        unit: s.unit,
        year: t.year,
        target,
        outcome: o ? { value: o.value, kind: o.kind, text: o.text, file: o.source, start: o.start, end: o.end } : null,
        verdict: judged.verdict,
        gap: judged.gap,
        position: judged.position,
      });
    }
  }
  // Catalogue indicators first, headline ones leading, in catalogue order; then the rest by key.
  const rank = (a: TargetAssessment) => {
    const e = catalogueEntry(a.indicator);
    const all = indicators();
    return e ? (e.headline ? 0 : all.length) + all.indexOf(e) : 2 * all.length;
  };
  return out.sort((a, b) => a.region.localeCompare(b.region) || rank(a) - rank(b) || a.indicator.localeCompare(b.indicator) || a.year - b.year);
}

/** What a reader must know before trusting a comparison of these reports. */
export function compareWarnings(reports: { source: string; analysis: Analysis }[]): string[] {
  const warnings: string[] = [];
  const regions = new Set(reports.map((r) => r.analysis.report.region ?? '(unknown region)'));
  if (regions.size > 1)
    warnings.push(`the files are reports of ${regions.size} regions (${[...regions].join(', ')}): series and assessments are kept per region`);
  for (const r of reports) {
    if (!r.analysis.report.isReport) warnings.push(`${r.source} does not read as a government work report (score ${r.analysis.report.score.toFixed(2)})`);
  }
  const seen = new Map<string, string>();
  for (const r of reports) {
    const { region, planYear } = r.analysis.report;
    if (planYear === null) continue;
    const key = `${region ?? ''}\u0000${planYear}`;
    const first = seen.get(key);
    if (first) warnings.push(`${first} and ${r.source} are both reports of ${region ?? 'an unknown region'} for ${planYear}`);
    else seen.set(key, r.source);
  }
  return warnings;
}
