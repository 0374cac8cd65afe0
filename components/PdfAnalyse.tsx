/**
 * The popup's "Analyse this PDF" for a tab that shows a PDF: one button, then what became of it
 * (indexed, with a link to the report page where its figures are shown; already in the library;
 * not a report; or why it could not be read). The PDF viewer itself gets no highlights.
 */
import { useState } from 'preact/hooks';
import type { ImportOutcome } from '../lib/import/index-text';
import { tr } from './i18n';
import { countOf } from './format';

export interface PdfAnalyseProps {
  /** Fetches, reads and indexes the tab's PDF (components/pdf-tab.ts). */
  analyse: () => Promise<ImportOutcome>;
  reportUrl: (reportId: string) => string;
}

type State = { phase: 'idle' } | { phase: 'working' } | { phase: 'done'; outcome: ImportOutcome } | { phase: 'error'; message: string };

export function PdfAnalyse({ analyse, reportUrl }: PdfAnalyseProps) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const run = async () => {
    setState({ phase: 'working' });
    try {
      setState({ phase: 'done', outcome: await analyse() });
    } catch (err) {
      setState({ phase: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <div class="pdf-analyse">
      <p>
        {tr(
          '这个标签页显示的是 PDF 文件。指标可以读取它并收录到报告库（只下载这一个文件）。',
          'This tab shows a PDF. Zhibiao can read it and add it to your library (this one file is downloaded, nothing else).',
        )}
      </p>
      <button type="button" onClick={run} disabled={state.phase === 'working'}>
        {tr('分析这个 PDF', 'Analyse this PDF')}
      </button>
      {state.phase === 'working' && <p role="status">{tr('正在读取 PDF…', 'Reading the PDF…')}</p>}
      {state.phase === 'error' && (
        <p class="error" role="alert">
          {tr(`无法读取：${state.message}`, `Could not read it: ${state.message}`)}
        </p>
      )}
      {state.phase === 'done' && (
        <p role="status">
          {state.outcome.status === 'not-report' ? (
            tr('这不像一份政府工作报告，未收录。', 'This does not look like a government work report; not added.')
          ) : (
            <>
              {state.outcome.status === 'added'
                ? tr(`已收录（${state.outcome.figureCount} 个数字）。`, `Added (${countOf(state.outcome.figureCount, 'figure')}). `)
                : tr('已在报告库中。', 'Already in your library. ')}
              <a href={reportUrl(state.outcome.reportId)} target="_blank" rel="noopener">
                {tr('打开报告页', 'Open the report page')}
              </a>
            </>
          )}
        </p>
      )}
    </div>
  );
}
