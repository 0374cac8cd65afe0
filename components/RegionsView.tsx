/**
 * One indicator in one year across the regions of the library: a sortable table and a bar chart
 * of the targets, the national target drawn across the bars as a dashed reference line. Bars
 * carry their value as text too, and the table holds the same numbers, so colour carries nothing
 * alone. Rows whose unit differs from the indicator's are listed but not charted.
 */
import { useState } from 'preact/hooks';
import type { RegionRow, RegionsView as View } from '../lib/views';
import { reportLabel } from '../lib/report';
import { textFragmentUrl } from '../lib/views';
import { tr } from './i18n';
import { kindLabel } from './format';
import { LanguageSwitch } from './LanguageSwitch';

export type RegionSort = 'region' | 'target' | 'outcome';

export function sortRegions(rows: RegionRow[], key: RegionSort, dir: 'ascending' | 'descending'): RegionRow[] {
  const sign = dir === 'ascending' ? 1 : -1;
  const value = (r: RegionRow) => (key === 'target' ? r.target?.value : key === 'outcome' ? r.outcome?.value : undefined) ?? null;
  return [...rows].sort((a, b) => {
    if (key === 'region') return sign * a.region.localeCompare(b.region, 'zh');
    const va = value(a);
    const vb = value(b);
    // Regions without the figure go last whichever way the column is sorted.
    if (va === null || vb === null) return va === vb ? a.region.localeCompare(b.region, 'zh') : va === null ? 1 : -1;
    return sign * (va - vb) || a.region.localeCompare(b.region, 'zh');
  });
}

const link = (r: RegionRow, sentence: string, text: string) => (/^https?:\/\//i.test(r.report.url) ? textFragmentUrl(r.report.url, sentence, text) : null);

function Bars({ rows, national, unit, metric, year }: { rows: RegionRow[]; national: RegionRow | null; unit: string; metric: string; year: number }) {
  const charted = rows.filter((r) => r.target && r.target.unit === unit);
  if (charted.length === 0) return null;
  const ref = national?.target && national.target.unit === unit ? national.target.value : null;
  const values = charted.flatMap((r) => [r.target!.value, r.target!.valueMax ?? r.target!.value]);
  const lo = Math.min(0, ...values, ref ?? 0);
  const hi = Math.max(...values, ref ?? -Infinity, lo + 1e-9);
  const rowH = 20;
  const left = 96;
  const right = 70;
  const width = 560;
  const top = 18;
  const height = top + charted.length * rowH + 8;
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * (width - left - right);
  return (
    <svg
      class="region-bars"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={tr(`${year}年各地区${metric}目标`, `${metric}: ${year} targets by region`)}
    >
      {charted.map((r, i) => {
        const t = r.target!;
        const y = top + i * rowH;
        return (
          <g key={r.region} class="bar" data-region={r.region}>
            <text class="tick" x={left - 6} y={y + 13} text-anchor="end">
              {r.region}
            </text>
            <rect x={x(Math.min(0, t.value))} y={y + 3} width={Math.max(1, Math.abs(x(t.value) - x(0)))} height={rowH - 7} class="bar-target" />
            {t.valueMax !== undefined && <rect x={x(t.value)} y={y + 3} width={Math.max(1, x(t.valueMax) - x(t.value))} height={rowH - 7} class="bar-range" />}
            <text class="bar-value" x={x(t.valueMax ?? t.value) + 4} y={y + 13}>
              {t.text}
            </text>
          </g>
        );
      })}
      {ref !== null && (
        <g class="reference" data-value={ref}>
          <line x1={x(ref)} x2={x(ref)} y1={top - 4} y2={height - 4} stroke-dasharray="4 3" />
          <text x={x(ref)} y={top - 7} text-anchor="middle">
            {tr(`全国 ${national!.target!.text}`, `National ${national!.target!.text}`)}
          </text>
        </g>
      )}
    </svg>
  );
}

export interface RegionsViewProps {
  view: View;
  reportUrl: (reportId: string) => string;
  libraryUrl: string;
  onChoose: (choice: { key: string; year: number }) => void;
}

export function RegionsView({ view, reportUrl, libraryUrl, onChoose }: RegionsViewProps) {
  const [sort, setSort] = useState<{ key: RegionSort; dir: 'ascending' | 'descending' }>({ key: 'target', dir: 'descending' });
  const year = view.year ?? view.years[0] ?? null;
  const rows = sortRegions(view.rows, sort.key, sort.dir);
  const toggle = (key: RegionSort) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'descending' ? 'ascending' : 'descending' }));
  const header = (key: RegionSort, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? sort.dir : 'none'}>
      <button type="button" class="sort" onClick={() => toggle(key)}>
        {label}
        <span aria-hidden="true" class="sort-mark">
          {sort.key === key ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ' ⇅'}
        </span>
      </button>
    </th>
  );
  const cellOf = (r: RegionRow, which: 'target' | 'outcome') => {
    const c = r[which];
    if (!c) return <span class="empty">—</span>;
    const href = link(r, c.sentence, c.text);
    return (
      <span class={`fig kind-${c.kind}`} title={c.sentence}>
        {href ? (
          <a href={href} target="_blank" rel="noopener">
            {c.text}
          </a>
        ) : (
          c.text
        )}
        {c.kind === 'estimate' && <small class="tag"> {kindLabel('estimate')}</small>}
      </span>
    );
  };
  // Outcomes of a year come from the next year's reports: often none are in the library yet.
  const outcomes = [view.national, ...rows].some((r) => r?.outcome);
  const title =
    view.metric && year !== null ? tr(`${view.metric}：${year}年各地区`, `${view.metric} in ${year}, by region`) : tr('各地区对比', 'Across regions');

  return (
    <main class="regions-page">
      <header class="bar">
        <h1>{title}</h1>
        <LanguageSwitch />
      </header>
      <nav class="links">
        <a href={libraryUrl}>{tr('报告库', 'Library')}</a>
      </nav>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {tr('指标', 'Indicator')}{' '}
          <select value={view.key ?? ''} onChange={(e) => year !== null && onChoose({ key: (e.currentTarget as HTMLSelectElement).value, year })}>
            {!view.key && <option value="">{tr('选择指标…', 'Choose an indicator…')}</option>}
            {view.key && !view.choices.some((c) => c.key === view.key) && <option value={view.key}>{view.metric ?? view.key}</option>}
            {view.choices.map((c) => (
              <option key={c.key} value={c.key}>
                {tr(`${c.metric}（${c.regions} 个地区）`, `${c.metric} (${c.regions} regions)`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr('年份', 'Year')}{' '}
          <select value={year ?? ''} onChange={(e) => view.key && onChoose({ key: view.key, year: Number((e.currentTarget as HTMLSelectElement).value) })}>
            {view.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </form>
      {view.metric && year !== null && (
        <>
          <p class="summary" role="status">
            {tr(
              `${view.rows.filter((r) => r.target).length} 个地区设定了${year}年目标` +
                (view.national?.target ? `；全国目标 ${view.national.target.text}。` : '；报告库中没有全国目标。'),
              `${view.rows.filter((r) => r.target).length} regions set a ${year} target` +
                (view.national?.target ? `; the national target is ${view.national.target.text}.` : '; no national target in the library.'),
            )}
          </p>
          <div class="chart-scroll">
            <Bars rows={rows} national={view.national} unit={view.unit} metric={view.metric} year={year} />
          </div>
          <div class="table-scroll">
            <table class="regions-table">
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  {header('region', tr('地区', 'Region'))}
                  {header('target', tr(`${year}年目标`, `${year} target`))}
                  {outcomes && header('outcome', tr(`${year}年实际`, `${year} outcome`))}
                  <th scope="col">{tr('来源', 'Source')}</th>
                </tr>
              </thead>
              <tbody>
                {view.national && (
                  <tr class="national" data-region={view.national.region}>
                    <th scope="row">{tr('全国', 'National')}</th>
                    <td class="c-target">{cellOf(view.national, 'target')}</td>
                    {outcomes && <td class="c-outcome">{cellOf(view.national, 'outcome')}</td>}
                    <td>
                      <a href={reportUrl(view.national.reportId)}>{reportLabel(view.national.report)}</a>
                    </td>
                  </tr>
                )}
                {rows.map((r) => (
                  <tr key={r.region} data-region={r.region}>
                    <th scope="row">{r.region}</th>
                    <td class="c-target">{cellOf(r, 'target')}</td>
                    {outcomes && <td class="c-outcome">{cellOf(r, 'outcome')}</td>}
                    <td>
                      <a href={reportUrl(r.reportId)}>{reportLabel(r.report)}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length === 0 && <p class="empty-note">{tr('报告库中没有其他地区的这一指标。', 'No other region in the library has this indicator.')}</p>}
        </>
      )}
      {!view.metric && <p class="hint">{tr('选择一个指标，查看各地区的目标。', 'Choose an indicator to see every region’s target.')}</p>}
    </main>
  );
}
