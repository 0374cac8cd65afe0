/**
 * The popup: what Zhibiao found in the current tab, and how this year's targets compare with last
 * year's. The tab is reached through a PageClient (page/* messages) and the index through the
 * background client, both passed in so the view runs in tests without an extension.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { BackgroundClient, PageClient, PageStatus } from '../lib/messages';
import type { ComparisonRow, ComparisonView } from '../lib/views';
import { tr } from './i18n';
import { countOf, reportName } from './format';
import { ComparisonTable } from './ComparisonTable';
import { chartRowOf } from './comparison-parts';
import { TrendChart } from './TrendChart';
import { ReportMeta } from './ReportMeta';
import { LanguageSwitch } from './LanguageSwitch';
import { ExportButtons } from './ExportButtons';

export interface PopupProps {
  background: BackgroundClient;
  /** The current tab's content script; null when there is no tab to talk to. */
  page: PageClient | null;
  /** Show this report without asking the tab (an indexed report opened from elsewhere). */
  reportId?: string | null;
  reportUrl: (reportId: string) => string;
  libraryUrl: string;
  /** The notes page; no link when absent. */
  notesUrl?: string;
  /** A view already loaded (first render without waiting, and tests). */
  initial?: ComparisonView;
  /** How many times to ask again for the report id of a page being analysed or indexed (every 250 ms). */
  statusRetries?: number;
  /** Shown instead of "cannot read this tab" when no content script answers (a PDF's "Analyse this PDF"). */
  tabAction?: ComponentChildren;
}

type State =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | { phase: 'not-report'; status: PageStatus | null; analysed: boolean; detail?: string }
  | { phase: 'analysing' }
  | { phase: 'indexing' }
  | { phase: 'report'; view: ComparisonView };

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function PopupView({ background, page, reportId, reportUrl, libraryUrl, notesUrl, initial, statusRetries = 40, tabAction }: PopupProps) {
  const [state, setState] = useState<State>(initial ? { phase: 'report', view: initial } : { phase: 'loading' });
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const showReport = async (id: string) => {
    const view = await background.request({ type: 'view/comparison', reportId: id });
    setState({ phase: 'report', view });
  };

  const fromStatus = async (first: PageStatus, analysed: boolean) => {
    let status = first;
    // The background answers a page a moment after it sent its text, and a detected page is indexed
    // with that answer: a popup opened in between waits for the id (a few seconds at most) instead
    // of calling the page undetected.
    for (let i = 0; (status.analysing || (status.detected && !status.reportId)) && page && i < statusRetries; i++) {
      setState({ phase: status.detected ? 'indexing' : 'analysing' });
      await new Promise((done) => setTimeout(done, 250));
      status = await page.request({ type: 'page/status' });
    }
    if (status.reportId) await showReport(status.reportId);
    else setState({ phase: 'not-report', status, analysed });
  };

  useEffect(() => {
    if (initial) return;
    (async () => {
      try {
        if (reportId) return await showReport(reportId);
        if (!page) return setState({ phase: 'not-report', status: null, analysed: false });
        let status: PageStatus;
        try {
          status = await page.request({ type: 'page/status' });
        } catch (e) {
          // No content script answers: a browser page, a file, or a tab opened before installing.
          return setState({ phase: 'not-report', status: null, analysed: false, detail: errorText(e) });
        }
        await fromStatus(status, false);
      } catch (e) {
        setState({ phase: 'error', message: errorText(e) });
      }
    })();
  }, []);

  const analyse = async () => {
    if (!page) return;
    setState({ phase: 'analysing' });
    try {
      await fromStatus(await page.request({ type: 'page/analyse' }), true);
    } catch (e) {
      setState({ phase: 'error', message: errorText(e) });
    }
  };

  const select = async (row: ComparisonRow) => {
    setSelected(row.indicatorId);
    if (!page) return;
    try {
      const shown = await page.request({ type: 'page/showFigure', index: row.target.index });
      setNotice(shown ? null : tr('页面中找不到这个数字。', 'That figure was not found in the page.'));
    } catch (e) {
      setNotice(errorText(e));
    }
  };

  let body;
  switch (state.phase) {
    case 'loading':
      body = <p role="status">{tr('正在读取…', 'Loading…')}</p>;
      break;
    case 'analysing':
      body = <p role="status">{tr('正在分析页面…', 'Analysing the page…')}</p>;
      break;
    case 'indexing':
      body = <p role="status">{tr('已识别为政府工作报告，正在收录…', 'Detected as a government work report; indexing…')}</p>;
      break;
    case 'error':
      body = (
        <p class="error" role="alert">
          {state.message}
        </p>
      );
      break;
    case 'not-report':
      body = (
        <section class="not-report">
          {state.status === null ? (
            (tabAction ?? (
              <>
                <p>
                  {tr(
                    '无法读取这个标签页：浏览器自带的页面无法读取；安装指标之前打开的网页，请刷新后再试。',
                    'Zhibiao cannot read this tab: browser pages are out of reach, and a page opened before Zhibiao was installed needs a reload.',
                  )}
                </p>
                {state.detail && <p class="notice detail">{state.detail}</p>}
              </>
            ))
          ) : state.status.detected ? (
            <p role="status">
              {tr('页面已识别为报告，但没能收录；请重新分析。', 'The page was detected as a report but could not be indexed; analyse it again.')}
            </p>
          ) : state.analysed ? (
            <div class="analysed" role="status">
              <p>
                {tr(
                  `分析完成：找到 ${state.status.figureCount} 个数字，但这不像一份政府工作报告，所以没有收录到报告库。`,
                  `Analysed: ${countOf(state.status.figureCount, 'figure')} found, but this does not look like a government work report, so it was not added to the library.`,
                )}
              </p>
              {state.status.figureCount > 0 && (
                <p class="hint">
                  {tr('数字已在页面中标出：把鼠标移到数字上查看它的卡片。', 'The figures are highlighted in the page: point at one to see its card.')}
                </p>
              )}
            </div>
          ) : (
            <p>{tr('这个页面没有被识别为政府工作报告。', 'This page was not detected as a government work report.')}</p>
          )}
          {page && state.status !== null && (
            <button type="button" class={state.analysed ? undefined : 'primary'} onClick={analyse}>
              {state.analysed ? tr('重新分析', 'Analyse again') : tr('分析此页面', 'Analyse this page')}
            </button>
          )}
        </section>
      );
      break;
    case 'report': {
      const { view } = state;
      const chartRow = chartRowOf(view.rows, selected);
      body = (
        <>
          <h2 class="report-title">{reportName(view.report)}</h2>
          <ReportMeta report={view.report} counts={view.counts} />
          <ComparisonTable
            rows={view.rows}
            caption={tr('今年目标与去年对比', "This year's targets against last year")}
            onSelect={select}
            selectedId={chartRow?.indicatorId ?? selected}
            previous={view.previous}
            libraryUrl={libraryUrl}
          />
          {page && view.rows.length > 0 && (
            <p class="hint">{tr('选择一行，页面会滚动到这个数字并打开它的卡片。', 'Choose a row to scroll the page to that figure and open its card.')}</p>
          )}
          {notice && (
            <p class="notice" role="status">
              {notice}
            </p>
          )}
          <ExportButtons view={view} figures={() => background.request({ type: 'view/report', reportId: view.report.id })} />
          {chartRow && (
            <section class="popup-chart" aria-label={tr('趋势', 'Trend')} data-indicator={chartRow.target.indicator ?? chartRow.indicatorId}>
              <h3>{chartRow.metric}</h3>
              {chartRow.trend.length > 1 ? (
                <TrendChart points={chartRow.trend} metric={chartRow.metric} unit={chartRow.unit} />
              ) : (
                <p class="hint">{tr('报告库中只有这一年的数字，还画不出趋势。', 'Only this year is in the library: no trend to draw yet.')}</p>
              )}
            </section>
          )}
        </>
      );
      break;
    }
  }

  return (
    <main class="popup">
      <header class="bar">
        <h1>{tr('指标', 'Zhibiao')}</h1>
        <LanguageSwitch />
      </header>
      {body}
      <nav class="links">
        {state.phase === 'report' && (
          <a href={reportUrl(state.view.report.id)} target="_blank" rel="noopener">
            {tr('打开报告页', 'Open report page')}
          </a>
        )}
        <a href={libraryUrl} target="_blank" rel="noopener">
          {tr('报告库', 'Library')}
        </a>
        {notesUrl && (
          <a href={notesUrl} target="_blank" rel="noopener">
            {tr('我的笔记', 'My notes')}
          </a>
        )}
      </nav>
    </main>
  );
}
