/**
 * How views write numbers, kinds and verdicts. Figures themselves are shown as printed
 * (`FigureCell.text`); only computed numbers — changes, chart axes — are formatted here.
 */
import type { FigureKind } from '../lib/model';
import type { ReportSummary, TargetStatus, ValueChange } from '../lib/views';
import { tr } from './i18n';
import { KIND_META } from '../lib/kinds';
import { reportLabel } from '../lib/report';

export function kindLabel(kind: FigureKind): string {
  return tr(KIND_META[kind].label.zh, KIND_META[kind].label.en);
}

export function statusLabel(status: TargetStatus): string {
  switch (status) {
    case 'met':
      return tr('完成', 'Met');
    case 'missed':
      return tr('未完成', 'Missed');
    case 'unknown':
      return tr('无法判断', 'Unknown');
    case 'no-outcome':
      return tr('未见结果', 'No outcome');
    case 'no-target':
      return tr('无目标', 'No target');
  }
}

/** A status symbol, so the verdict does not rest on colour alone. */
export function statusMark(status: TargetStatus): string {
  return status === 'met' ? '✓' : status === 'missed' ? '✗' : status === 'unknown' ? '?' : status === 'no-outcome' ? '…' : '–';
}

/** A report's name (see lib/views/names.ts), with the generic title in the interface language. */
export function reportName(r: Pick<ReportSummary, 'title' | 'region' | 'level' | 'planYear'>): string {
  return reportLabel(r, tr('政府工作报告', 'Government work report'));
}

/** "1 figure", "40 figures": English counts; Chinese needs no plural. */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function trim(n: number, digits = 2): string {
  return Number(n.toFixed(digits)).toString();
}

/** A value in base units with a Chinese magnitude (万, 亿, 万亿): the reports' own way of writing it. */
export function formatAmount(value: number, unit: string): string {
  const a = Math.abs(value);
  const u = unit === '%' ? '%' : unit;
  if (a >= 1e12) return `${trim(value / 1e12)}万亿${u}`;
  if (a >= 1e8) return `${trim(value / 1e8)}亿${u}`;
  if (a >= 1e4) return `${trim(value / 1e4)}万${u}`;
  return `${trim(value)}${u}`;
}

/** A value, or a range when `valueMax` is set ("6–6.5%"), with the reports' own magnitudes. */
export function formatRange(value: number, unit: string, valueMax?: number): string {
  return valueMax !== undefined ? `${formatAmount(value, '')}–${formatAmount(valueMax, unit)}` : formatAmount(value, unit);
}

function signed(s: string, n: number): string {
  return n > 0 ? `+${s}` : s;
}

/** "+2.2 个百分点" for rates, "+1200万元 (+3.5%)" for levels. */
export function formatChange(change: (Pick<ValueChange, 'absolute' | 'relative'> & Partial<ValueChange>) | null, unit: string): string {
  if (!change) return '—';
  if (change.absolute === 0 && change.qualifier) {
    // "1200万人左右" → "1200万人以上": the value stayed, the bound did not.
    const q = `${change.qualifier.from ?? '—'} → ${change.qualifier.to ?? '—'}`;
    return tr(`数值持平，${q}`, `Same value, ${q}`);
  }
  if (change.absolute === 0) return tr('持平', 'Unchanged');
  if (unit === '%' || unit === '％' || unit === '个百分点') {
    return signed(`${trim(change.absolute)}${tr('个百分点', ' pp')}`, change.absolute);
  }
  const abs = signed(formatAmount(change.absolute, unit), change.absolute);
  if (change.relative === null) return abs;
  return `${abs} (${signed(`${trim(change.relative * 100, 1)}%`, change.relative)})`;
}

/** A verdict's gap and position: "(−2.8 pp, below)" (percentage points for %), "(−1000亿斤, below)"
 * (the reports' own magnitudes for amounts). */
export function formatGap(gap: number, unit: string, position: 'below' | 'within' | 'above' | null): string {
  const pct = unit === '%' || unit === '％';
  const size = pct ? `${trim(Math.abs(gap))}${tr('个百分点', ' pp')}` : formatAmount(Math.abs(gap), unit);
  const signed = `${gap > 0 ? '+' : gap < 0 ? '−' : '±'}${size}`;
  const where = position === 'below' ? tr('低于', 'below') : position === 'above' ? tr('高于', 'above') : position === 'within' ? tr('区间内', 'within') : '';
  return where ? `(${signed}, ${where})` : `(${signed})`;
}
