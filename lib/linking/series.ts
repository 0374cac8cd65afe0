/**
 * Across the reports of one region: each indicator's targets and results, year by year, so that
 * the 2023 target for GDP growth (5%左右, from the 2023 report) sits beside the 2023 result (5.2%,
 * from the 2024 report's review).
 *
 * 1. Points. A plan target speaks of the report's plan year, a review actual or estimate of its review
 *    year. Figures of a five-year period, or whose own year is another one (2035 远景目标), are
 *    not yearly points and stay out.
 * 2. Exact groups. Points are grouped by region + indicator key + unit + rate-or-level, the key being
 *    the synonym key or canonical phrase (lib/linking/indicator.ts). Within one report, one point per
 *    group, year and kind: the one in the "主要预期目标" sentence if there is one, else the first in
 *    the text (reports open their review and their plan with the headline figures; later mentions
 *    repeat or explain them).
 * 3. Merging. Groups whose keys differ but read alike ("公租房供应" / "供应公租房") merge, so that
 *    indicators the synonym table never heard of still form series. Complete linkage: every key of one
 *    group must be similar to every key of the other (SERIES_THRESHOLD), or joined by a within-report
 *    link; single linkage would chain "高技术制造业增加值" to "装备制造业增加值" through a third
 *    wording. Two groups that both hold a point of the same kind from the same report never merge:
 *    that report itself counts them as two indicators.
 */
import type { Analysis, Figure, FigureKind, Series, SeriesPoint } from '../model';
import { canonicalPhrase, describeFigure, keyOf, phraseSimilarity, stagesConflict } from './indicator';
import { isPlanFigure, isReviewFigure } from './link';
import { synonymKey } from './synonyms';
import { catalogueEntry } from '../catalogue';

/**
 * Across reports, phrases must read more alike than within one (LINK_THRESHOLD 0.55): within a
 * report the unit, the section and the best-match rule already narrow the choice; across reports
 * all the year's indicators of a unit compete. At 0.75 "规模以上工业增加值"/"规上工业增加值" (0.86)
 * and "供应公租房"/"公租房供应" (0.85) merge, "高技术制造业增加值"/"装备制造业增加值" (0.71) do not.
 */
export const SERIES_THRESHOLD = 0.75;

/** Region name for reports whose region metadata could not read one: kept apart from real regions. */
const UNKNOWN_REGION = '';

interface Candidate {
  figure: Figure;
  index: number;
  source: string;
  region: string;
  key: string;
  unit: string;
  growth: boolean;
  year: number;
  kind: FigureKind;
}

function pointYear(f: Figure, reportYear: number | null): number | null {
  if (reportYear === null) return f.year;
  if (f.year !== null && f.year !== reportYear) return null;
  return reportYear;
}

function candidatesOf(source: string, analysis: Analysis): Candidate[] {
  const { report, figures } = analysis;
  const region = report.region ?? UNKNOWN_REGION;
  const out: Candidate[] = [];
  figures.forEach((figure, index) => {
    let year: number | null = null;
    if (isPlanFigure(figure)) year = pointYear(figure, report.planYear);
    else if (isReviewFigure(figure)) year = pointYear(figure, report.reviewYear);
    else return;
    if (year === null) return;
    const described = describeFigure(figure, figures, index);
    const key = figure.indicator ?? keyOf(described);
    if (!key) return; // names no indicator by itself: no history to give it
    out.push({ figure, index, source, region, key, unit: described.unit, growth: described.growth, year, kind: figure.kind });
  });
  return out;
}

/** Lower ranks first: the 主要预期目标 sentence, then text order. */
function representativeRank(c: Candidate): [number, number] {
  const headline = c.figure.headline || /主要预期目标|主要目标|预期目标是/.test(c.figure.sentence) ? 0 : 1;
  return [headline, c.figure.start];
}

function betterRepresentative(a: Candidate, b: Candidate): Candidate {
  const [ha, sa] = representativeRank(a);
  const [hb, sb] = representativeRank(b);
  if (ha !== hb) return ha < hb ? a : b;
  return sa <= sb ? a : b;
}

interface Group {
  keys: Set<string>;
  /** source + kind + year of each point: two groups sharing one are two indicators of that report. */
  slots: Set<string>;
  points: Candidate[];
}

function slotOf(c: Candidate): string {
  return `${c.source}\u0000${c.kind}\u0000${c.year}`;
}

function keysCompatible(a: string, b: string, linked: Set<string>): boolean {
  if (a === b) return true;
  if (catalogueEntry(a) || catalogueEntry(b)) return false; // a catalogue id is already the whole family
  if (linked.has(`${a}\u0000${b}`) || linked.has(`${b}\u0000${a}`)) return true;
  const sa = synonymKey(a.replace(/↓$/, ''));
  const sb = synonymKey(b.replace(/↓$/, ''));
  if (sa || sb) return false; // a synonym key is already the whole family; a different key is another indicator
  if (a.endsWith('↓') !== b.endsWith('↓')) return false;
  const pa = canonicalPhrase(a);
  const pb = canonicalPhrase(b);
  if (stagesConflict(pa, pb)) return false;
  return phraseSimilarity(a, b) >= SERIES_THRESHOLD;
}

function groupsCompatible(a: Group, b: Group, linked: Set<string>): boolean {
  for (const s of a.slots) if (b.slots.has(s)) return false;
  for (const ka of a.keys) for (const kb of b.keys) if (!keysCompatible(ka, kb, linked)) return false;
  return true;
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount || (n === bestCount && v.length < best.length)) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

const KIND_ORDER: Record<FigureKind, number> = { target: 0, estimate: 1, actual: 2, baseline: 3 };

function toPoint(c: Candidate): SeriesPoint {
  const f = c.figure;
  const point: SeriesPoint = {
    year: c.year,
    kind: c.kind,
    value: f.value,
    qualifier: f.qualifier,
    source: c.source,
    start: f.start,
    end: f.end,
    text: f.text,
  };
  if (f.valueMax !== undefined) point.valueMax = f.valueMax;
  return point;
}

export function buildSeries(reports: { source: string; analysis: Analysis }[]): Series[] {
  // Points, one per report × exact group × year × kind.
  const exact = new Map<string, Candidate>();
  const linked = new Set<string>();
  for (const { source, analysis } of reports) {
    const candidates = candidatesOf(source, analysis);
    for (const c of candidates) {
      const id = [c.region, c.unit, c.growth, c.key, c.source, c.year, c.kind].join('\u0000');
      const prev = exact.get(id);
      exact.set(id, prev ? betterRepresentative(prev, c) : c);
    }
    // A within-report link is evidence that two wordings name one indicator.
    const byIndex = new Map(candidates.map((c) => [c.index, c]));
    for (const link of analysis.links ?? []) {
      const a = byIndex.get(link.from);
      const b = byIndex.get(link.to);
      if (a && b && a.unit === b.unit && a.growth === b.growth) linked.add(`${a.key}\u0000${b.key}`);
    }
  }

  // Buckets: region × unit × rate-or-level; inside, exact groups by key.
  const buckets = new Map<string, Map<string, Group>>();
  for (const c of exact.values()) {
    const bucketId = [c.region, c.unit, c.growth].join('\u0000');
    let bucket = buckets.get(bucketId);
    if (!bucket) buckets.set(bucketId, (bucket = new Map()));
    let g = bucket.get(c.key);
    if (!g) bucket.set(c.key, (g = { keys: new Set([c.key]), slots: new Set(), points: [] }));
    g.points.push(c);
    g.slots.add(slotOf(c));
  }

  const series: Series[] = [];
  for (const bucket of buckets.values()) {
    const groups = [...bucket.values()];
    mergeGroups(groups, linked);
    for (const g of groups) {
      if (g.points.length === 0) continue;
      const first = g.points[0];
      const keys = g.points.map((p) => p.key);
      const synonym = keys.find((k) => catalogueEntry(k) !== null) ?? keys.find((k) => synonymKey(k.replace(/↓$/, '')) !== null);
      const points = g.points
        .slice()
        .sort((a, b) => a.year - b.year || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.source.localeCompare(b.source))
        .map(toPoint);
      series.push({
        metric: mostCommon(g.points.map((p) => p.figure.metric.trim())),
        key: synonym ?? mostCommon(keys),
        region: first.region,
        unit: first.unit,
        growth: first.growth,
        points,
      });
    }
  }
  series.sort((a, b) => a.region.localeCompare(b.region) || b.points.length - a.points.length || a.key.localeCompare(b.key));
  return series;
}

/** Greedy complete-linkage merging, most similar pair first; emptied groups keep no points. */
function mergeGroups(groups: Group[], linked: Set<string>): void {
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < groups.length; i++) {
    const ki = [...groups[i].keys][0];
    for (let j = i + 1; j < groups.length; j++) {
      const kj = [...groups[j].keys][0];
      if (!keysCompatible(ki, kj, linked)) continue;
      const linkedPair = linked.has(`${ki}\u0000${kj}`) || linked.has(`${kj}\u0000${ki}`);
      pairs.push([linkedPair ? 1 : phraseSimilarity(ki, kj), i, j]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0]);
  // Each group's current owner (union by moving points into the lower index).
  const owner = groups.map((_, i) => i);
  const find = (i: number): number => (owner[i] === i ? i : (owner[i] = find(owner[i])));
  for (const [, i, j] of pairs) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    if (!groupsCompatible(groups[a], groups[b], linked)) continue;
    const [keep, drop] = a < b ? [a, b] : [b, a];
    const gk = groups[keep];
    const gd = groups[drop];
    for (const k of gd.keys) gk.keys.add(k);
    for (const s of gd.slots) gk.slots.add(s);
    gk.points.push(...gd.points);
    gd.points = [];
    gd.keys = new Set();
    gd.slots = new Set();
    owner[drop] = keep;
  }
}
