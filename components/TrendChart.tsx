/**
 * An indicator's targets and outcomes across years, as an SVG line chart.
 *
 * Targets and outcomes differ in three ways besides colour, so the chart reads in greyscale and to
 * colour-blind readers: targets are a dashed line with hollow circles, outcomes a solid line with
 * filled squares; a target range is a vertical bar between its ends. A legend names both, and the
 * same numbers are given as a table (in a <details>) and as the SVG's description for screen readers.
 */
import { useId } from 'preact/hooks';
import type { TrendPoint } from '../lib/views';
import { tr } from './i18n';
import { formatAmount, kindLabel } from './format';

export interface TrendChartProps {
  points: TrendPoint[];
  /** The indicator's name, used in the chart's title. */
  metric: string;
  unit: string;
  width?: number;
  height?: number;
}

const PAD = { left: 52, right: 14, top: 10, bottom: 22 };

/**
 * Round axis values (1, 2 or 5 times a power of ten) spanning lo..hi, three to six of them.
 * Levels (元, 万人, 斤) start at zero so that a change reads at its true size; rates (%) zoom to
 * their own span, since 5.2% against 5% is the whole story of a growth target.
 */
export function valueTicks(min: number, max: number, unit: string): number[] {
  let lo = min;
  let hi = max;
  const rate = unit === '%' || unit === '个百分点';
  if (!rate && lo > 0) lo = 0;
  // Rates get a margin so that no point sits on the frame, where the axis would hide its marker.
  if (rate && hi > lo) {
    const margin = (hi - lo) * 0.05;
    lo -= margin;
    hi += margin;
  }
  if (hi === lo) {
    const pad = Math.abs(hi) * 0.1 || 1;
    hi += pad;
    if (rate || lo < 0) lo -= pad;
  }
  const rough = (hi - lo) / 4;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= rough) ?? 10 * mag;
  const first = Math.floor(lo / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v < hi + step - 1e-9 * step; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks.length < 2) ticks.push(Number((first + step).toPrecision(12)));
  return ticks;
}

export function TrendChart({ points, metric, unit, width = 320, height = 140 }: TrendChartProps) {
  const id = useId();
  if (points.length === 0) return null;
  const years = points.map((p) => p.year);
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  const values = points.flatMap((p) => (p.valueMax !== undefined ? [p.value, p.valueMax] : [p.value]));
  const ticks = valueTicks(Math.min(...values), Math.max(...values), unit);
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];

  const innerW = width - PAD.left - PAD.right;
  const innerH = height - PAD.top - PAD.bottom;
  // The first and last years sit a marker's width inside the frame, off the value axis.
  const inset = 10;
  const x = (year: number) =>
    PAD.left + inset + (maxYear === minYear ? (innerW - 2 * inset) / 2 : ((year - minYear) / (maxYear - minYear)) * (innerW - 2 * inset));
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * innerH;

  const targets = points.filter((p) => p.series === 'target');
  const actuals = points.filter((p) => p.series === 'actual');
  const path = (ps: TrendPoint[]) => ps.map((p, i) => `${i ? 'L' : 'M'}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const yearTicks: number[] = [];
  const step = Math.max(1, Math.ceil((maxYear - minYear) / 6));
  for (let yr = minYear; yr <= maxYear; yr += step) yearTicks.push(yr);

  const title = tr(`${metric}：目标与实际（${minYear}–${maxYear}）`, `${metric}: targets and outcomes (${minYear}–${maxYear})`);
  const describe = (p: TrendPoint) =>
    `${p.year} ${p.series === 'target' ? kindLabel('target') : p.estimate ? kindLabel('estimate') : kindLabel('actual')} ${p.text}`;
  const desc = points.map(describe).join(tr('；', '; '));

  return (
    <figure class="trend" data-points={points.length}>
      <svg class="trend-svg" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <line class="axis" x1={PAD.left} y1={PAD.top + innerH} x2={width - PAD.right} y2={PAD.top + innerH} />
        <line class="axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + innerH} />
        {ticks.map((v) => (
          <g key={v} class="value-tick">
            <line class="grid" x1={PAD.left} x2={width - PAD.right} y1={y(v)} y2={y(v)} />
            <text class="tick" x={PAD.left - 4} y={y(v) + 3.5} text-anchor="end">
              {formatAmount(v, unit)}
            </text>
          </g>
        ))}
        {yearTicks.map((yr) => (
          <text key={yr} class="tick" x={x(yr)} y={height - 6} text-anchor="middle">
            {yr}
          </text>
        ))}
        {targets.length > 1 && <path class="line line-target" d={path(targets)} stroke-dasharray="5 4" fill="none" />}
        {actuals.length > 1 && <path class="line line-actual" d={path(actuals)} fill="none" />}
        {targets.map((p) => (
          <g key={`t${p.year}`} class="marker marker-target" data-year={p.year}>
            {p.valueMax !== undefined && <line class="range" x1={x(p.year)} x2={x(p.year)} y1={y(p.value)} y2={y(p.valueMax)} />}
            <circle cx={x(p.year)} cy={y(p.value)} r={4.5} fill="none" stroke-width={2}>
              <title>{describe(p)}</title>
            </circle>
          </g>
        ))}
        {actuals.map((p) => (
          <g key={`a${p.year}`} class={`marker marker-actual${p.estimate ? ' estimate' : ''}`} data-year={p.year}>
            <rect x={x(p.year) - 4} y={y(p.value) - 4} width={8} height={8} stroke-width={1.5}>
              <title>{describe(p)}</title>
            </rect>
          </g>
        ))}
      </svg>
      <figcaption>
        <span class="legend" aria-hidden="true">
          <span class="legend-item">
            <svg width="28" height="10" class="legend-target">
              <line x1="0" y1="5" x2="28" y2="5" stroke-dasharray="5 4" />
              <circle cx="14" cy="5" r="3.5" fill="none" />
            </svg>
            {kindLabel('target')}
          </span>
          <span class="legend-item">
            <svg width="28" height="10" class="legend-actual">
              <line x1="0" y1="5" x2="28" y2="5" />
              <rect x="10" y="1" width="8" height="8" />
            </svg>
            {kindLabel('actual')}
          </span>
        </span>
        <details class="trend-data">
          <summary>{tr('数据', 'Data')}</summary>
          <table>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('年份', 'Year')}</th>
                <th scope="col">{tr('类别', 'Kind')}</th>
                <th scope="col">{tr('数值', 'Value')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={`${p.series}${p.year}`}>
                  <td>{p.year}</td>
                  <td>{p.series === 'target' ? kindLabel('target') : p.estimate ? kindLabel('estimate') : kindLabel('actual')}</td>
                  <td>{p.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
