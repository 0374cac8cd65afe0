/**
 * "Import reports" on the library page: pick or drop many files (.txt, .html/.htm, .pdf, .docx);
 * each is read and indexed in turn, with a progress bar and one line of result per file (added,
 * already in the library, not a report, unreadable and why). Files go one at a time: reading a PDF
 * and analysing a report are each a fraction of a second, and one at a time keeps memory flat and
 * the order of results the order of the files.
 */
import { useState } from 'preact/hooks';
import type { ImportResult } from './import-file';
import { tr } from './i18n';
import { countOf } from './format';
import './import-panel.css';

export interface ImportPanelProps {
  importFile: (file: File) => Promise<ImportResult>;
  reportUrl: (reportId: string) => string;
  /** Called after a run that added reports (the library reloads). */
  onImported?: () => void;
}

const ACCEPTED =
  '.txt,.text,.html,.htm,.xhtml,.shtml,.pdf,.docx,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function statusText(r: ImportResult): string {
  switch (r.status) {
    case 'added':
      return tr(`已收录（${r.figureCount ?? 0} 个数字）`, `added (${countOf(r.figureCount ?? 0, 'figure')})`);
    case 'exists':
      return tr('已在报告库中', 'already in the library');
    case 'not-report':
      return tr('不是政府工作报告，未收录', 'not a government work report; not added');
    case 'unreadable':
      return tr(`无法读取：${r.reason ?? ''}`, `unreadable: ${r.reason ?? ''}`);
    default:
      return tr(`未能收录：${r.reason ?? ''}`, `not added: ${r.reason ?? ''}`);
  }
}

export function ImportPanel({ importFile, reportUrl, onImported }: ImportPanelProps) {
  const [total, setTotal] = useState(0);
  const [results, setResults] = useState<ImportResult[]>([]);
  const [running, setRunning] = useState(false);
  const [over, setOver] = useState(false);

  const run = async (files: File[]) => {
    if (running || files.length === 0) return;
    setRunning(true);
    setTotal(files.length);
    setResults([]);
    const done: ImportResult[] = [];
    for (const file of files) {
      let result: ImportResult;
      try {
        result = await importFile(file);
      } catch (err) {
        result = { name: file.name, status: 'failed', reason: err instanceof Error ? err.message : String(err) };
      }
      done.push(result);
      setResults([...done]);
    }
    setRunning(false);
    if (done.some((r) => r.status === 'added')) onImported?.();
  };

  const added = results.filter((r) => r.status === 'added').length;
  return (
    <section
      class={`import-panel${over ? ' drop-over' : ''}`}
      aria-labelledby="import-heading"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void run([...(e.dataTransfer?.files ?? [])]);
      }}
    >
      <h2 id="import-heading">{tr('导入报告文件', 'Import report files')}</h2>
      <p class="hint">
        {tr(
          '选择或拖放文件（.txt、.html、.pdf、.docx），每份都像打开的网页一样分析并收录。文件只在本机读取。',
          'Pick or drop files (.txt, .html, .pdf, .docx): each is analysed and indexed like a page you open. Files are read on this machine only.',
        )}
      </p>
      <input
        type="file"
        multiple
        accept={ACCEPTED}
        disabled={running}
        aria-label={tr('导入报告', 'Import reports')}
        onChange={(e) => {
          const input = e.currentTarget;
          const files = [...(input.files ?? [])];
          input.value = ''; // the same files can be picked again
          void run(files);
        }}
      />
      {total > 0 && (
        <div class="import-progress">
          <progress max={total} value={results.length} aria-label={tr('导入进度', 'Import progress')} />
          <span role="status">
            {running
              ? tr(`正在导入 ${results.length}/${total}`, `Importing ${results.length} of ${total}`)
              : tr(`完成：${total} 个文件，收录 ${added} 份`, `Done: ${countOf(total, 'file')}, ${countOf(added, 'report')} added`)}
          </span>
        </div>
      )}
      {results.length > 0 && (
        <ul class="import-results" aria-label={tr('导入结果', 'Import results')}>
          {results.map((r, i) => (
            <li key={i} class={`import-${r.status}`} data-status={r.status}>
              <span class="file-name">{r.name}</span>
              {': '}
              {r.reportId && (r.status === 'added' || r.status === 'exists') ? <a href={reportUrl(r.reportId)}>{statusText(r)}</a> : statusText(r)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
