/**
 * The engine's data model: what a report, its sections, its figures and the links between
 * figures are. Every module of lib/ speaks these types; the CLI prints them and the index stores them.
 *
 * Offsets (`start`, `end`) are UTF-16 code-unit offsets into the text the caller passed to
 * `analyseReport`, end exclusive, so `text.slice(start, end)` is the figure as printed.
 */

/** `actual`: an achieved result; `estimate`: a result given as 预计; `target`: a commitment;
 * `baseline`: the starting side of a from→to pair ("从288人次提升至1000人次"). */
export type FigureKind = 'actual' | 'estimate' | 'target' | 'baseline';

/** `review` looks back on a past year or period; `plan` sets out this year's work. */
export type SectionKind = 'review' | 'plan' | 'other';

/** `county`: 县, 县级市, 自治县, 旗; `district`: a city's 区. */
export type Level = 'national' | 'province' | 'city' | 'district' | 'county';

/** A multi-year span a figure or section speaks of (五年, 十三五): not a single year. */
export interface YearSpan {
  from: number;
  to: number;
}

export interface Section {
  kind: SectionKind;
  /** The heading as it stands in the text. */
  title: string;
  /** From the heading's start to the next top-level heading (or the end of the text). */
  start: number;
  end: number;
  /** The single year the section reviews or plans; null when it speaks of a period. */
  year: number | null;
  period: YearSpan | null;
}

export interface Figure {
  start: number;
  end: number;
  /** The figure as printed, including its qualifier words where they touch it ("不低于85%"). */
  text: string;
  /** Value in base units: magnitude applied (万 ×1e4, 亿 ×1e8, 万亿 ×1e12). For a range, its low end. */
  value: number;
  /** For a range ("6%－6.5%"), its high end. */
  valueMax?: number;
  /** Unit without magnitude: 元, 美元, 平方米, %, 个百分点 … ; '' for a bare count. */
  unit: string;
  /** The qualifier that bounds or hedges the value (预计, 约, 近, 左右, 以上, 不低于 …), or null. */
  qualifier: string | null;
  kind: FigureKind;
  section: SectionKind;
  /** The year the figure speaks of; null when it speaks of a period (see `period`) or is unknown. */
  year: number | null;
  period?: YearSpan | null;
  /** The indicator phrase the figure measures ("商品销售总额", "国内生产总值增长"). */
  metric: string;
  /** True when the value is a rate of change (增长, 下降, 提高 … x%), not a level. */
  growth?: boolean;
  /** The sentence (or list item) the figure sits in, and where it starts. */
  sentence: string;
  sentenceStart: number;
  headline?: boolean;
  indicator?: string;
  /** The names of the extraction rules that decided the figure's metric, kind, unit and qualifier
   * (lib/extraction/rules); `zhibiao extract --explain` prints them. */
  rules?: FigureRules;
}

/** Which named rule decided each reading of a figure. A later pass that rewrites a reading (a
 * 分别 list, an action shared along a list) replaces or extends the name ("words-before+list-shares-action"). */
export interface FigureRules {
  metric: string;
  kind: string;
  unit: string;
  qualifier: string;
}

/** Whether a text is a government work report, with the evidence. */
export interface Detection {
  isReport: boolean;
  /** 0..1; `isReport` is `score >= 0.5`. */
  score: number;
  /** Human-readable evidence for and against, in the order it was weighed. */
  reasons: string[];
}

export interface ReportInfo extends Detection {
  title: string | null;
  /** Region as named in the report ("上海市徐汇区", "国务院" → "全国"). */
  region: string | null;
  level: Level | null;
  /** Delivery date, YYYY-MM-DD (or YYYY-MM when the day is unknown). */
  delivered: string | null;
  planYear: number | null;
  reviewYear: number | null;
  warnings: string[];
}

/** What names a report and places it in time: shared by the index, the views and the exports. */
export type ReportFacts = Pick<ReportInfo, 'title' | 'region' | 'level' | 'delivered' | 'planYear' | 'reviewYear'>;

/** Only the `ReportFacts` fields of a larger record (a stored row carries the whole text). */
export function reportFactsOf(r: ReportFacts): ReportFacts {
  return { title: r.title, region: r.region, level: r.level, delivered: r.delivered, planYear: r.planYear, reviewYear: r.reviewYear };
}

/** A link between two figures of one indicator within one report: `from` is the review figure,
 * `to` the plan figure; both index `Analysis.figures`. */
export interface Link {
  from: number;
  to: number;
  /** 0..1 confidence that both measure the same indicator. */
  score: number;
}

export interface Analysis {
  report: ReportInfo;
  sections: Section[];
  figures: Figure[];
  links: Link[];
}

/** One point of an indicator's history, taken from one report. */
export interface SeriesPoint {
  year: number;
  kind: FigureKind;
  value: number;
  valueMax?: number;
  qualifier: string | null;
  /** Where the point comes from: a file name in the CLI, a report id in the index. */
  source: string;
  start: number;
  end: number;
  text: string;
}

/** An indicator's history across the reports of one region. */
export interface Series {
  /** A readable name for the indicator (the most common wording). */
  metric: string;
  /** The canonical indicator key the points were grouped by. */
  key: string;
  region: string;
  unit: string;
  growth: boolean;
  points: SeriesPoint[];
}
