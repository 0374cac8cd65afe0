import type { Analysis, Figure, Link, Series } from '../model';

/** Placeholder until linking lands. */
export function linkFigures(_figures: Figure[]): Link[] {
  return [];
}

/** Placeholder until series building lands. */
export function buildSeries(_reports: { source: string; analysis: Analysis }[]): Series[] {
  return [];
}
