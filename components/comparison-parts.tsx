/**
 * Pieces of the comparison table: which rows lead (headline indicators), why a row has nothing
 * from last year.
 */
import type { ComparisonRow, PreviousReport } from '../lib/views';
import { tr } from './i18n';

/** Headline rows (the catalogue marks their target figure) and the rest, each in the given order.
 * With no headline row at all (a report the catalogue knows nothing of) every row is "rest". */
export function splitHeadline(rows: ComparisonRow[]): { headline: ComparisonRow[]; rest: ComparisonRow[] } {
  const headline = rows.filter((r) => r.target.headline === true);
  return { headline, rest: headline.length ? rows.filter((r) => r.target.headline !== true) : rows };
}

/**
 * Why a row has neither last year's target nor its outcome: the region's report of that year is
 * not in the library (with a link to where reports are imported), or it is and does not mention
 * the indicator. `long` is the sentence shown once above the table; the short form fits a cell.
 */
export function MissingYear({ previous, libraryUrl, long }: { previous?: PreviousReport | null; libraryUrl?: string; long?: boolean }) {
  if (!previous) return <span class="empty">—</span>;
  const region = previous.region ?? tr('本地区', 'this region');
  if (previous.reportId !== null) {
    return <span class="empty why">{tr(`${previous.year}年报告未提及`, `Not in the ${previous.year} report`)}</span>;
  }
  const text = long
    ? tr(
        `${region}${previous.year}年的报告不在你的报告库中，所以没有去年的目标和实际。`,
        `The ${previous.year} report of ${region} is not in your library, so last year's targets and outcomes are missing.`,
      )
    : tr(`缺${previous.year}年报告`, `No ${previous.year} report`);
  return (
    <span class="empty why">
      {text}
      {libraryUrl && (
        <>
          {' '}
          <a href={`${libraryUrl}#import`} target="_blank" rel="noopener">
            {long ? tr('去报告库导入', 'Import it in the library') : tr('导入', 'Import')}
          </a>
        </>
      )}
    </span>
  );
}

/** The first row whose trend has three or more points: worth a chart. */
export function firstChartable(rows: ComparisonRow[]): ComparisonRow | null {
  return rows.find((r) => r.trend.length >= 3) ?? null;
}

/** The row the chart shows: the chosen one, else the first headline row worth a chart, else any. */
export function chartRowOf(rows: ComparisonRow[], selectedId: string | null): ComparisonRow | null {
  const chosen = selectedId ? rows.find((r) => r.indicatorId === selectedId) : undefined;
  return chosen ?? firstChartable(rows.filter((r) => r.target.headline === true)) ?? firstChartable(rows);
}
