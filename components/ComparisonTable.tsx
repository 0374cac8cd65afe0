/**
 * This year's target, last year's outcome, the verdict with the gap to last year's target, then
 * last year's target and the change, one row per indicator. The first four columns are the ones
 * a reader needs, so they come first and stay when a narrow popup hides the other two (views.css).
 * Headline indicators (the catalogue's) lead; the rest are folded under "All targets".
 * Sortable by any column (header buttons; `aria-sort` says which), filterable by the kind of last
 * year's figure, by verdict and by text.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ComparisonRow, FigureCell, PreviousReport, TargetStatus } from '../lib/views';
import { tr } from './i18n';
import { formatChange, formatGap, kindLabel, statusLabel, statusMark } from './format';
import { MissingYear, splitHeadline } from './comparison-parts';

export type SortKey = 'metric' | 'lastTarget' | 'lastActual' | 'status' | 'target' | 'change';
export type OutcomeFilter = 'all' | 'actual' | 'estimate' | 'none';
export type StatusFilter = 'all' | TargetStatus;

export interface ComparisonFilter {
  text: string;
  outcome: OutcomeFilter;
  status: StatusFilter;
}

export interface ComparisonTableProps {
  rows: ComparisonRow[];
  caption: string;
  /** Called when a row is chosen (click, or Enter on its button). */
  onSelect?: (row: ComparisonRow) => void;
  selectedId?: string | null;
  filter?: ComparisonFilter;
  onFilterChange?: (f: ComparisonFilter) => void;
  /** The region's report of the year before, to say why a row has no figures of last year. */
  previous?: PreviousReport | null;
  /** Where reports are imported, linked from that explanation. */
  libraryUrl?: string;
}

const STATUS_ORDER: Record<TargetStatus, number> = { missed: 0, met: 1, unknown: 2, 'no-outcome': 3, 'no-target': 4 };

function sortValue(row: ComparisonRow, key: SortKey): number | string | null {
  switch (key) {
    case 'metric':
      return row.metric;
    case 'lastTarget':
      return row.lastTarget?.value ?? null;
    case 'lastActual':
      return row.lastActual?.value ?? null;
    case 'status':
      return STATUS_ORDER[row.status];
    case 'target':
      return row.target.value;
    case 'change':
      return row.change?.relative ?? row.change?.absolute ?? null;
  }
}

export function sortRows(rows: ComparisonRow[], key: SortKey | null, dir: 'ascending' | 'descending'): ComparisonRow[] {
  if (!key) return rows;
  const sign = dir === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    // Empty cells go last whichever way the column is sorted.
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    if (typeof va === 'string' || typeof vb === 'string') return sign * String(va).localeCompare(String(vb), 'zh');
    return sign * (va - vb);
  });
}

export function filterRows(rows: ComparisonRow[], f: ComparisonFilter): ComparisonRow[] {
  const q = f.text.trim().toLowerCase();
  return rows.filter((r) => {
    if (f.status !== 'all' && r.status !== f.status) return false;
    if (f.outcome === 'none' && r.lastActual) return false;
    if ((f.outcome === 'actual' || f.outcome === 'estimate') && r.lastActual?.kind !== f.outcome) return false;
    if (!q) return true;
    const hay = [r.metric, r.target.text, r.target.sentence, r.lastTarget?.text, r.lastActual?.text].join(' ').toLowerCase();
    return hay.includes(q);
  });
}

/** What this year's target was compared with, which differs by row. */
function changeBasis(r: ComparisonRow): string {
  if (!r.change) return '';
  return r.change.from === 'target' ? tr('与去年目标相比', "against last year's target") : tr('与去年实际相比', "against last year's actual");
}

export const EMPTY_FILTER: ComparisonFilter = { text: '', outcome: 'all', status: 'all' };

function Cell({ cell }: { cell: FigureCell | null }) {
  if (!cell) return <span class="empty">—</span>;
  return (
    <span class={`fig kind-${cell.kind}`} title={cell.sentence}>
      {cell.text}
      {cell.kind === 'estimate' && <small class="tag"> {kindLabel('estimate')}</small>}
    </span>
  );
}

export function ComparisonTable({ rows, caption, onSelect, selectedId, filter, onFilterChange, previous, libraryUrl }: ComparisonTableProps) {
  const [sort, setSort] = useState<{ key: SortKey | null; dir: 'ascending' | 'descending' }>({ key: null, dir: 'ascending' });
  const [ownFilter, setOwnFilter] = useState<ComparisonFilter>(filter ?? EMPTY_FILTER);
  const f = filter ?? ownFilter;
  const setFilter = (next: ComparisonFilter) => {
    setOwnFilter(next);
    onFilterChange?.(next);
  };
  const shown = useMemo(() => sortRows(filterRows(rows, f), sort.key, sort.dir), [rows, f, sort]);
  const { headline, rest } = splitHeadline(shown);
  const filtering = f.text.trim() !== '' || f.outcome !== 'all' || f.status !== 'all';
  // The folded rows (more than half the popup's elements on a national report) are built after
  // the first paint: closed, they show nothing, and the open table is on screen one frame sooner.
  // Effects run after the frame is painted; a filter opens the fold and shows them at once.
  const [foldBuilt, setFoldBuilt] = useState(false);
  useEffect(() => setFoldBuilt(true), []);

  const columns: { key: SortKey; label: string; cls: string }[] = [
    { key: 'metric', label: tr('指标', 'Indicator'), cls: 'h-metric' },
    { key: 'target', label: tr('今年目标', "This year's target"), cls: 'h-target' },
    { key: 'lastActual', label: tr('去年实际', "Last year's outcome"), cls: 'h-last-actual' },
    { key: 'status', label: tr('结果', 'Result'), cls: 'h-status' },
    { key: 'lastTarget', label: tr('去年目标', "Last year's target"), cls: 'h-last-target' },
    { key: 'change', label: tr('变化', 'Change'), cls: 'h-change' },
  ];
  const toggle = (key: SortKey) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'ascending' ? 'descending' : 'ascending' }));

  const table = (list: ComparisonRow[], title: string, count: boolean) => (
    <div class="table-scroll">
      <table class="comparison-table">
        <caption>
          {title}
          {count && <span class="count"> {tr(`（${shown.length}/${rows.length}）`, ` (${shown.length} of ${rows.length})`)}</span>}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" class={c.cls} aria-sort={sort.key === c.key ? sort.dir : 'none'}>
                <button type="button" class="sort" onClick={() => toggle(c.key)}>
                  {c.label}
                  <span aria-hidden="true" class="sort-mark">
                    {sort.key === c.key ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ' ⇅'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr
              key={r.indicatorId}
              data-indicator={r.indicator ?? r.target.indicator ?? r.indicatorId}
              data-verdict={r.verdict ?? 'no-target'}
              class={r.indicatorId === selectedId ? 'selected' : undefined}
              onClick={() => onSelect?.(r)}
            >
              <th scope="row">
                {onSelect ? (
                  <button
                    type="button"
                    class="row-select"
                    aria-pressed={r.indicatorId === selectedId}
                    onClick={(e) => {
                      e.stopPropagation();
                      onSelect(r);
                    }}
                  >
                    {r.metric}
                  </button>
                ) : (
                  r.metric
                )}
              </th>
              <td class="c-target">
                <Cell cell={r.target} />
              </td>
              <td class="c-last-actual">
                {r.lastActual || r.lastTarget ? <Cell cell={r.lastActual} /> : <MissingYear previous={previous} libraryUrl={libraryUrl} />}
              </td>
              <td class={`c-status status-${r.status}`} data-status={r.status}>
                {!r.lastTarget && !r.lastActual && previous?.reportId === null ? (
                  // Without last year's report there is nothing to judge: no verdict, not "no target".
                  <span class="empty" title={tr('缺去年的报告，无从比较', "Last year's report is missing: nothing to compare")}>
                    —
                  </span>
                ) : (
                  <>
                    <span aria-hidden="true">{statusMark(r.status)} </span>
                    {statusLabel(r.status)}
                    {r.gap !== null && <span class="c-gap"> {formatGap(r.gap, r.unit, r.position)}</span>}
                  </>
                )}
              </td>
              <td class="c-last-target">
                <Cell cell={r.lastTarget} />
              </td>
              <td class="c-change" title={changeBasis(r)}>
                {formatChange(r.change, r.unit)}
                {r.change && <span class="c-basis"> ({changeBasis(r)})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <div class="comparison">
      <div class="filters" role="group" aria-label={tr('筛选', 'Filters')}>
        <label>
          {tr('搜索', 'Search')} <input type="search" value={f.text} onInput={(e) => setFilter({ ...f, text: (e.currentTarget as HTMLInputElement).value })} />
        </label>
        <label>
          {tr('去年数据', "Last year's figure")}{' '}
          <select value={f.outcome} onChange={(e) => setFilter({ ...f, outcome: (e.currentTarget as HTMLSelectElement).value as OutcomeFilter })}>
            <option value="all">{tr('全部', 'All')}</option>
            <option value="actual">{kindLabel('actual')}</option>
            <option value="estimate">{kindLabel('estimate')}</option>
            <option value="none">{tr('无', 'None')}</option>
          </select>
        </label>
        <label>
          {tr('结果', 'Result')}{' '}
          <select value={f.status} onChange={(e) => setFilter({ ...f, status: (e.currentTarget as HTMLSelectElement).value as StatusFilter })}>
            <option value="all">{tr('全部', 'All')}</option>
            {(['met', 'missed', 'unknown', 'no-outcome', 'no-target'] as const).map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {previous && previous.reportId === null && rows.length > 0 && (
        <p class="notice missing-year" role="note">
          <MissingYear previous={previous} libraryUrl={libraryUrl} long />
        </p>
      )}
      {headline.length > 0 ? (
        <>
          {table(headline, `${caption} · ${tr('主要指标', 'Headline indicators')}`, true)}
          {rest.length > 0 && (
            <details class="all-targets" open={filtering || undefined}>
              <summary>{tr(`全部目标（另 ${rest.length} 项）`, `All targets (${rest.length} more)`)}</summary>
              {(foldBuilt || filtering) && table(rest, tr('其他目标', 'Other targets'), false)}
            </details>
          )}
        </>
      ) : (
        table(rest, caption, true)
      )}
      {shown.length === 0 && (
        <p class="empty-note">
          {rows.length === 0
            ? tr('这份报告没有可比较的目标。', 'This report has no targets to compare.')
            : tr('没有符合筛选条件的指标。', 'No indicator matches the filters.')}
        </p>
      )}
    </div>
  );
}
