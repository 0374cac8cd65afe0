/** A report's title, region, delivery date, years and figure counts, as a definition list. */
import type { KindCounts, ReportSummary } from '../lib/views';
import { tr } from './i18n';
import { kindLabel } from './format';
import { FIGURE_KINDS } from '../lib/kinds';

export function ReportMeta({ report, counts }: { report: ReportSummary; counts: KindCounts }) {
  const kinds = FIGURE_KINDS.filter((k) => counts[k] > 0);
  return (
    <dl class="meta">
      <div>
        <dt>{tr('地区', 'Region')}</dt>
        <dd>{report.region ?? tr('未知', 'Unknown')}</dd>
      </div>
      <div>
        <dt>{tr('报告日期', 'Delivered')}</dt>
        <dd>{report.delivered ?? tr('未知', 'Unknown')}</dd>
      </div>
      <div>
        <dt>{tr('计划年度', 'Plan year')}</dt>
        <dd>{report.planYear ?? '—'}</dd>
      </div>
      <div>
        <dt>{tr('回顾年度', 'Review year')}</dt>
        <dd>{report.reviewYear ?? '—'}</dd>
      </div>
      <div>
        <dt>{tr('数字', 'Figures')}</dt>
        <dd>
          {report.figureCount}
          {kinds.length > 0 && (
            <span class="kind-counts">
              {' ('}
              {kinds.map((k, i) => (
                <span key={k} class={`kind-count kind-${k}`}>
                  {i > 0 ? tr('，', ', ') : ''}
                  {kindLabel(k)} {counts[k]}
                </span>
              ))}
              {')'}
            </span>
          )}
        </dd>
      </div>
    </dl>
  );
}
