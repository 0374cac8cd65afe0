/** Library page entry: loads the index's reports and wires delete / undo and file import to the background. */
import { useEffect, useState } from 'preact/hooks';
import type { LibraryView, ReportSummary } from '../../lib/views';
import { LibraryGrid } from '../../components/LibraryGrid';
import { renderPage, setUpPage } from '../../components/page-setup';
import { backgroundClient, notesPageUrl, regionsPageUrl, reportPageUrl } from '../../components/extension';
import { tr } from '../../components/i18n';
import { ImportPanel } from '../../components/ImportPanel';
import { lazyFileImporter } from '../../components/import-lazy';
import { askedAhead } from '../../components/asked-ahead';
import '../../components/views.css';

// The reports are asked for at once, while the page sets itself up (components/asked-ahead.ts).
const client = askedAhead(backgroundClient(), { type: 'view/library' });
const importFile = lazyFileImporter(client);

function LibraryPage({ initial }: { initial?: ReportSummary[] }) {
  const [reports, setReports] = useState<ReportSummary[] | null>(initial ?? null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    client
      .request({ type: 'view/library' })
      .then((v) => setReports(v.reports))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  useEffect(() => {
    if (!initial) load();
  }, []);

  if (error)
    return (
      <main class="library">
        <p class="error" role="alert">
          {error}
        </p>
      </main>
    );
  if (!reports)
    return (
      <main class="library">
        <p role="status">{tr('正在读取…', 'Loading…')}</p>
      </main>
    );
  return (
    <LibraryGrid
      reports={reports}
      reportUrl={reportPageUrl}
      notesUrl={notesPageUrl()}
      regionsUrl={regionsPageUrl()}
      onDelete={async (id) => {
        const deleted = await client.request({ type: 'view/deleteReport', reportId: id });
        await load();
        return deleted;
      }}
      onRestore={async (deleted) => {
        await client.request({ type: 'view/restoreReport', token: deleted.token });
        await load();
      }}
    >
      <ImportPanel importFile={importFile} reportUrl={reportPageUrl} onImported={load} />
    </LibraryGrid>
  );
}

// If the list has come by the time the page is set up, the table is the first thing drawn; if not, "Loading…" first.
void setUpPage().then(() => {
  const initial = (client.takeIfAnswered() as LibraryView | undefined)?.reports;
  renderPage(() => <LibraryPage initial={initial} />, document.getElementById('app')!);
});
