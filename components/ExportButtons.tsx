/**
 * Export buttons for a report: the comparison and every figure, as CSV or Markdown. The figures
 * are read only when asked for (the popup holds just the comparison); a failure is said in place.
 * The writers (lib/export, with the catalogue they name indicators from) load on the first click:
 * the popup's and the report page's tables do not wait for them.
 */
import { useState } from 'preact/hooks';
import type { ComparisonView, ReportPageView } from '../lib/views';
import type { ReportExport, ReportFile } from '../lib/export';
import { currentLang, tr } from './i18n';

export interface ExportButtonsProps {
  view: ComparisonView;
  /** The whole report view, for the figures; the report page passes what it has. */
  figures: () => Promise<ReportPageView>;
  save?: (file: ReportFile) => void;
}

export function ExportButtons({ view, figures, save }: ExportButtonsProps) {
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: ReportExport) => {
    setError(null);
    try {
      const [source, { reportFile }, write] = await Promise.all([
        kind.startsWith('figures') ? figures() : view,
        import('../lib/export/report'),
        save ?? import('./save-file').then((m) => m.saveFile),
      ]);
      write(reportFile(kind, source, currentLang()));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div class="exports" role="group" aria-label={tr('导出', 'Export')}>
      <span class="exports-label">{tr('导出：', 'Export:')}</span>
      <button type="button" data-export="comparison-csv" onClick={() => run('comparison-csv')}>
        {tr('目标对比 CSV', 'Targets CSV')}
      </button>
      <button type="button" data-export="comparison-md" onClick={() => run('comparison-md')}>
        {tr('目标对比 Markdown', 'Targets Markdown')}
      </button>
      <button type="button" data-export="figures-csv" onClick={() => run('figures-csv')}>
        {tr('全部数字 CSV', 'Figures CSV')}
      </button>
      <button type="button" data-export="figures-md" onClick={() => run('figures-md')}>
        {tr('全部数字 Markdown', 'Figures Markdown')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
