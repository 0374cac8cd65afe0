/** Hand-built figures and analyses for the linking tests, shaped as extraction and report metadata
 * produce them. Phrases are short paraphrases of typical report wording. */
import type { Analysis, Figure, FigureKind, SectionKind } from '../../lib/model';

let offset = 0;

export interface FigureSpec {
  metric: string;
  value: number;
  unit: string;
  kind?: FigureKind;
  section?: SectionKind;
  qualifier?: string | null;
  growth?: boolean;
  year?: number | null;
  period?: { from: number; to: number } | null;
  valueMax?: number;
  sentence?: string;
  text?: string;
}

/** A review actual (the default) or, with `kind: 'target'`, a plan target. */
export function fig(spec: FigureSpec): Figure {
  const kind = spec.kind ?? 'actual';
  const section = spec.section ?? (kind === 'target' ? 'plan' : 'review');
  const text = spec.text ?? `${spec.value}${spec.unit}${spec.qualifier ?? ''}`;
  const start = (offset += 50);
  const f: Figure = {
    start,
    end: start + text.length,
    text,
    value: spec.value,
    unit: spec.unit,
    qualifier: spec.qualifier ?? null,
    kind,
    section,
    year: spec.year === undefined ? null : spec.year,
    period: spec.period ?? null,
    metric: spec.metric,
    growth: spec.growth,
    sentence: spec.sentence ?? `${spec.metric}${text}`,
    sentenceStart: start,
  };
  if (spec.valueMax !== undefined) f.valueMax = spec.valueMax;
  return f;
}

export function target(spec: Omit<FigureSpec, 'kind'>): Figure {
  return fig({ ...spec, kind: 'target' });
}

export function analysis(region: string | null, planYear: number, figures: Figure[]): Analysis {
  return {
    report: {
      isReport: true,
      score: 1,
      reasons: [],
      title: null,
      region,
      level: null,
      delivered: null,
      planYear,
      reviewYear: planYear - 1,
      warnings: [],
    },
    sections: [],
    figures,
    links: [],
  };
}
