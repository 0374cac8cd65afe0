/**
 * The library: every indexed report in a grid of regions (rows) by plan year (columns).
 * Deleting asks first, then offers Undo in a toast that restores everything removed.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DeletedReport, ReportSummary } from '../lib/views';
import { tr } from './i18n';
import { countOf, reportName } from './format';
import { LanguageSwitch } from './LanguageSwitch';

export interface LibraryGridProps {
  reports: ReportSummary[];
  reportUrl: (reportId: string) => string;
  /** The notes page; no link when absent. */
  notesUrl?: string;
  /** The across-regions page; no link when absent. */
  regionsUrl?: string;
  onDelete: (reportId: string) => Promise<DeletedReport>;
  onRestore: (deleted: DeletedReport) => Promise<void>;
  /** How long the Undo toast stays, in ms. */
  undoMs?: number;
  /** Shown under the page's links (the import panel). */
  children?: ComponentChildren;
}

const LEVEL_ORDER = { national: 0, province: 1, city: 2, district: 3, county: 3 } as const;

export type RegionOrder = 'level' | 'name' | 'count' | 'recent';

/** Reports whose name, region, year or address contains the query (case and width folded). */
export function searchReports(reports: ReportSummary[], query: string): ReportSummary[] {
  const q = query.normalize('NFKC').trim().toLowerCase();
  if (!q) return reports;
  return reports.filter((r) =>
    [reportName(r), r.region ?? '', r.planYear ?? '', r.delivered ?? '', r.url].join(' ').normalize('NFKC').toLowerCase().includes(q),
  );
}

/** Regions in reading order: the nation first, then by level, then by name; or by name, by how
 * many reports a region has, or by the last report indexed. */
export function gridOf(reports: ReportSummary[], order: RegionOrder = 'level') {
  const regions = new Map<string, ReportSummary[]>();
  for (const r of reports) {
    const key = r.region ?? '';
    regions.set(key, [...(regions.get(key) ?? []), r]);
  }
  const levelOf = (rs: ReportSummary[]) => Math.min(...rs.map((r) => (r.level ? LEVEL_ORDER[r.level] : 9)));
  const latest = (rs: ReportSummary[]) => Math.max(...rs.map((r) => r.indexedAt));
  const by: Record<RegionOrder, (a: [string, ReportSummary[]], b: [string, ReportSummary[]]) => number> = {
    level: ([a, ra], [b, rb]) => levelOf(ra) - levelOf(rb) || a.localeCompare(b, 'zh'),
    name: ([a], [b]) => a.localeCompare(b, 'zh'),
    count: ([a, ra], [b, rb]) => rb.length - ra.length || a.localeCompare(b, 'zh'),
    recent: ([a, ra], [b, rb]) => latest(rb) - latest(ra) || a.localeCompare(b, 'zh'),
  };
  // Reports whose region is unknown come last whatever the order.
  const rows = [...regions].sort((x, y) => (x[0] === '' ? 1 : 0) - (y[0] === '' ? 1 : 0) || by[order](x, y));
  const years = [...new Set(reports.map((r) => r.planYear))].sort((a, b) => (a ?? -1) - (b ?? -1));
  return { rows, years };
}

export function LibraryGrid({ reports, reportUrl, notesUrl, regionsUrl, onDelete, onRestore, undoMs = 15000, children }: LibraryGridProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [toast, setToast] = useState<{ deleted: DeletedReport } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const undoButton = useRef<HTMLButtonElement>(null);
  // The Delete button is gone with its report; keyboard focus moves to Undo rather than the page top.
  useEffect(() => {
    if (toast) undoButton.current?.focus();
  }, [toast]);

  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => setToast(null), undoMs);
    return () => clearTimeout(t);
  }, [toast]);

  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<RegionOrder>('level');
  const shown = searchReports(reports, query);
  const { rows, years } = gridOf(shown, order);
  const name = (r: ReportSummary) => reportName(r);

  const remove = async (r: ReportSummary) => {
    setConfirming(null);
    try {
      setToast({ deleted: await onDelete(r.id) });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const undo = async () => {
    if (!toast) return;
    try {
      await onRestore(toast.deleted);
      setToast(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <main class="library">
      <header class="bar">
        <h1>{tr('报告库', 'Report library')}</h1>
        <LanguageSwitch />
      </header>
      {(notesUrl || regionsUrl) && (
        <nav class="links">
          {notesUrl && <a href={notesUrl}>{tr('我的笔记', 'My notes')}</a>}
          {regionsUrl && <a href={regionsUrl}>{tr('一个指标在各地区', 'One indicator across regions')}</a>}
        </nav>
      )}
      {children}
      <div class="filters library-filters" role="group" aria-label={tr('查找报告', 'Find reports')}>
        <label>
          {tr('搜索', 'Search')} <input type="search" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {tr('地区排序', 'Order regions')}{' '}
          <select value={order} onChange={(e) => setOrder((e.currentTarget as HTMLSelectElement).value as RegionOrder)}>
            <option value="level">{tr('按级别', 'By level')}</option>
            <option value="name">{tr('按名称', 'By name')}</option>
            <option value="count">{tr('按报告数量', 'By number of reports')}</option>
            <option value="recent">{tr('最近收录', 'Recently indexed')}</option>
          </select>
        </label>
        <span class="count" role="status">
          {shown.length === reports.length
            ? tr(`共 ${reports.length} 份报告`, `${countOf(reports.length, 'report')} indexed`)
            : tr(`${shown.length}/${reports.length} 份报告`, `${shown.length} of ${countOf(reports.length, 'report')}`)}
        </span>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {reports.length === 0 ? (
        <p class="empty-note">
          {tr('还没有报告。打开一份政府工作报告，指标会自动收录。', 'No reports yet. Open a government work report and Zhibiao indexes it.')}
        </p>
      ) : shown.length === 0 ? (
        <p class="empty-note">{tr('没有符合搜索的报告。', 'No report matches the search.')}</p>
      ) : (
        <div class="table-scroll">
          <table class="library-grid">
            <caption>{tr('按地区和年度排列的报告', 'Reports by region and plan year')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('地区', 'Region')}</th>
                {years.map((y) => (
                  <th key={String(y)} scope="col">
                    {y ?? tr('年份未知', 'Year unknown')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(([region, rs]) => (
                <tr key={region}>
                  <th scope="row">
                    {region || tr('地区未知', 'Region unknown')}
                    <span class="count region-count">{tr(` ${rs.length} 份`, ` (${rs.length})`)}</span>
                  </th>
                  {years.map((y) => (
                    <td key={String(y)}>
                      {rs
                        .filter((r) => r.planYear === y)
                        .map((r) => (
                          <div key={r.id} class="lib-report" data-report={r.id}>
                            <a href={reportUrl(r.id)} title={name(r)}>
                              {name(r)}
                            </a>
                            <span class="count">{tr(`${r.figureCount} 个数字`, countOf(r.figureCount, 'figure'))}</span>
                            {/^https?:\/\//i.test(r.url) && (
                              <a class="original" href={r.url} target="_blank" rel="noopener" aria-label={tr(`${name(r)}原文`, `${name(r)}: original page`)}>
                                {tr('原文', 'Original')}
                              </a>
                            )}
                            {confirming === r.id ? (
                              <span class="confirm" role="group" aria-label={tr('确认删除', 'Confirm deletion')}>
                                <button type="button" class="danger" onClick={() => remove(r)}>
                                  {tr('确认删除', 'Delete')}
                                </button>
                                <button type="button" onClick={() => setConfirming(null)}>
                                  {tr('取消', 'Cancel')}
                                </button>
                              </span>
                            ) : (
                              // Deleting is rare: it waits behind a small "more" menu, not beside every report.
                              <details class="more">
                                <summary aria-label={tr(`${name(r)}：更多操作`, `${name(r)}: more actions`)} title={tr('更多操作', 'More actions')}>
                                  ⋯
                                </summary>
                                <button
                                  type="button"
                                  class="delete"
                                  aria-label={tr(`删除 ${name(r)}`, `Delete ${name(r)}`)}
                                  onClick={() => setConfirming(r.id)}
                                >
                                  {tr('删除', 'Delete')}
                                </button>
                              </details>
                            )}
                          </div>
                        ))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="toast-area" role="status" aria-live="polite">
        {toast && (
          <div class="toast">
            <span>{tr(`已删除：${name(toast.deleted.report)}`, `Deleted: ${name(toast.deleted.report)}`)}</span>
            <button type="button" ref={undoButton} onClick={undo}>
              {tr('撤销', 'Undo')}
            </button>
          </div>
        )}
      </div>
    </main>
  );
}
