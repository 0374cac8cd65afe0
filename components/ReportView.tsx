/**
 * The report page: every figure of one report, grouped under its heading, with the comparisons
 * and larger trend charts. Filters live in the address (see `filtersFromQuery`) so a filtered view
 * can be bookmarked and shared.
 */
import { useState } from 'preact/hooks';
import type { FigureKind } from '../lib/model';
import { FIGURE_KINDS } from '../lib/kinds';
import type { FigureEntry, ReportPageView } from '../lib/views';
import { textFragmentUrl } from '../lib/views';
import { tr } from './i18n';
import { kindLabel, reportName } from './format';
import { ComparisonTable, type ComparisonFilter, type OutcomeFilter, type StatusFilter } from './ComparisonTable';
import { TrendChart } from './TrendChart';
import { ReportMeta } from './ReportMeta';
import { LanguageSwitch } from './LanguageSwitch';
import { ExportButtons } from './ExportButtons';
import { chartRowOf } from './comparison-parts';

export interface ReportFilters {
  kind: FigureKind | 'all';
  /** A heading title, or '' for all. */
  section: string;
  /** An indicator id, or '' for all. */
  indicator: string;
  text: string;
  outcome: OutcomeFilter;
  status: StatusFilter;
}

export const NO_FILTERS: ReportFilters = { kind: 'all', section: '', indicator: '', text: '', outcome: 'all', status: 'all' };

const KINDS = FIGURE_KINDS;

export function filtersFromQuery(params: URLSearchParams): ReportFilters {
  const kind = params.get('kind');
  const outcome = params.get('outcome');
  const status = params.get('status');
  return {
    kind: KINDS.includes(kind as FigureKind) ? (kind as FigureKind) : 'all',
    section: params.get('section') ?? '',
    indicator: params.get('indicator') ?? '',
    text: params.get('q') ?? '',
    outcome: ['actual', 'estimate', 'none'].includes(outcome ?? '') ? (outcome as OutcomeFilter) : 'all',
    status: ['met', 'missed', 'unknown', 'no-outcome', 'no-target'].includes(status ?? '') ? (status as StatusFilter) : 'all',
  };
}

/** Writes the filters into `params` (which keeps id/url), leaving defaults out. */
export function filtersToQuery(f: ReportFilters, params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(params);
  const set = (k: string, v: string, empty: string) => (v && v !== empty ? out.set(k, v) : out.delete(k));
  set('kind', f.kind, 'all');
  set('section', f.section, '');
  set('indicator', f.indicator, '');
  set('q', f.text, '');
  set('outcome', f.outcome, 'all');
  set('status', f.status, 'all');
  return out;
}

export function sectionOf(f: FigureEntry): string {
  if (f.heading) return f.heading;
  return f.section === 'review' ? tr('回顾', 'Review') : f.section === 'plan' ? tr('计划', 'Plan') : tr('其他', 'Other');
}

export function filterFigures(figures: FigureEntry[], f: ReportFilters): FigureEntry[] {
  const q = f.text.trim().toLowerCase();
  return figures.filter(
    (x) =>
      (f.kind === 'all' || x.kind === f.kind) &&
      (!f.section || sectionOf(x) === f.section) &&
      (!f.indicator || x.indicatorId === f.indicator) &&
      (!q || `${x.metric} ${x.sentence}`.toLowerCase().includes(q)),
  );
}

/** The sentence with the figure marked; both stay text nodes. */
function Sentence({ sentence, text, at: known }: { sentence: string; text: string; at: number | null }) {
  const at = known ?? sentence.indexOf(text);
  if (at < 0) return <span>{sentence}</span>;
  return (
    <span>
      {sentence.slice(0, at)}
      <mark>{text}</mark>
      {sentence.slice(at + text.length)}
    </span>
  );
}

/** Linked figures as the reader tells them apart: the same words, kind and year are one link
 * (a target restated in two places of the plan read "5%左右 (Target 2024)" twice). */
export function uniqueLinks(linked: FigureEntry['linked']): FigureEntry['linked'] {
  const seen = new Set<string>();
  return linked.filter((l) => {
    const key = `${l.text}|${l.kind}|${l.year}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface ReportViewProps {
  view: ReportPageView;
  filters: ReportFilters;
  onFilters: (f: ReportFilters) => void;
  libraryUrl: string;
}

export function ReportView({ view, filters, onFilters, libraryUrl }: ReportViewProps) {
  const { report } = view;
  const sections = [...new Set(view.figures.map(sectionOf))];
  const indicators = new Map<string, string>();
  for (const fig of view.figures) if (fig.indicatorId && !indicators.has(fig.indicatorId)) indicators.set(fig.indicatorId, fig.metric);
  const figures = filterFigures(view.figures, filters);
  const groups = new Map<string, FigureEntry[]>();
  for (const fig of figures) {
    const key = sectionOf(fig);
    groups.set(key, [...(groups.get(key) ?? []), fig]);
  }
  const rows = filters.indicator ? view.rows.filter((r) => r.indicatorId === filters.indicator) : view.rows;
  const [selected, setSelected] = useState<string | null>(null);
  const chartRow = chartRowOf(rows, selected);
  const tableFilter: ComparisonFilter = { text: filters.text, outcome: filters.outcome, status: filters.status };
  // Only web addresses become links: an index row is data, and a javascript: address must not run.
  const pageUrl = /^https?:\/\//i.test(report.url) ? report.url : null;
  const set = (patch: Partial<ReportFilters>) => onFilters({ ...filters, ...patch });

  return (
    <main class="report-page">
      <header class="bar">
        <h1>{reportName(report)}</h1>
        <LanguageSwitch />
      </header>
      <nav class="links">
        {pageUrl && <a href={pageUrl}>{tr('原始页面', 'Original page')}</a>}
        <a href={libraryUrl}>{tr('报告库', 'Library')}</a>
      </nav>
      <ReportMeta report={report} counts={view.counts} />
      {report.warnings.length > 0 && (
        <section class="warnings" aria-label={tr('提示', 'Notes on this report')}>
          <ul>
            {report.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      )}

      <ExportButtons view={view} figures={async () => view} />
      <section aria-labelledby="cmp-h">
        <h2 id="cmp-h">{tr('目标对比', 'Targets compared')}</h2>
        <ComparisonTable
          rows={rows}
          caption={tr('今年目标与去年目标、去年实际', "This year's targets against last year's targets and outcomes")}
          filter={tableFilter}
          onFilterChange={(t) => set({ text: t.text, outcome: t.outcome, status: t.status })}
          onSelect={(r) => setSelected(r.indicatorId)}
          selectedId={chartRow?.indicatorId ?? null}
          previous={view.previous}
          libraryUrl={libraryUrl}
        />
        {chartRow && chartRow.trend.length > 1 && (
          <div class="charts">
            <section class="chart-card" aria-label={chartRow.metric} data-indicator={chartRow.target.indicator ?? chartRow.indicatorId}>
              <h3>{chartRow.metric}</h3>
              <TrendChart points={chartRow.trend} metric={chartRow.metric} unit={chartRow.unit} width={440} height={200} />
            </section>
          </div>
        )}
      </section>

      <section aria-labelledby="figs-h">
        <h2 id="figs-h">{tr('全部数字', 'All figures')}</h2>
        <div class="filters figure-filters" role="group" aria-label={tr('数字筛选', 'Figure filters')}>
          <label>
            {tr('类别', 'Kind')}{' '}
            <select value={filters.kind} onChange={(e) => set({ kind: (e.currentTarget as HTMLSelectElement).value as ReportFilters['kind'] })}>
              <option value="all">{tr('全部', 'All')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {tr('章节', 'Section')}{' '}
            <select value={filters.section} onChange={(e) => set({ section: (e.currentTarget as HTMLSelectElement).value })}>
              <option value="">{tr('全部', 'All')}</option>
              {sections.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            {tr('指标', 'Indicator')}{' '}
            <select value={filters.indicator} onChange={(e) => set({ indicator: (e.currentTarget as HTMLSelectElement).value })}>
              <option value="">{tr('全部', 'All')}</option>
              {[...indicators].map(([id, metric]) => (
                <option key={id} value={id}>
                  {metric}
                </option>
              ))}
            </select>
          </label>
          <span class="count" role="status">
            {tr(`${figures.length}/${view.figures.length} 个数字`, `${figures.length} of ${view.figures.length} figures`)}
          </span>
        </div>
        {[...groups].map(([title, figs]) => (
          <section key={title} class="figure-group">
            <h3>{title}</h3>
            <ol class="figure-list">
              {figs.map((fig) => (
                <li key={fig.figureId} id={`figure-${fig.index}`} class={`figure kind-${fig.kind}`}>
                  <div class="figure-head">
                    <strong class="fig">{fig.text}</strong>
                    <span class={`badge kind-${fig.kind}`}>{kindLabel(fig.kind)}</span>
                    {fig.year !== null && <span class="year">{fig.year}</span>}
                    {fig.metric && <span class="metric">{fig.metric}</span>}
                  </div>
                  <p class="sentence">
                    <Sentence sentence={fig.sentence} text={fig.text} at={fig.at} />
                  </p>
                  <div class="figure-foot">
                    {fig.linked.length > 0 && (
                      <span class="linked">
                        {tr('关联：', 'Linked: ')}
                        {uniqueLinks(fig.linked).map((l, i) => (
                          <span key={l.figureId}>
                            {i > 0 ? tr('，', ', ') : ''}
                            <a href={`#figure-${l.index}`}>
                              {l.text} ({kindLabel(l.kind)}
                              {l.year !== null ? ` ${l.year}` : ''})
                            </a>
                          </span>
                        ))}
                      </span>
                    )}
                    {pageUrl && (
                      <a class="in-page" href={textFragmentUrl(pageUrl, fig.sentence, fig.text)} target="_blank" rel="noopener">
                        {tr('在原文中查看', 'Show in the page')}
                      </a>
                    )}
                  </div>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </section>
    </main>
  );
}
