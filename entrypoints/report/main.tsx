/**
 * Report page entry: `report.html?id=<reportId>` or `?url=<page address>`, plus the filters
 * (kind, section, indicator, q, outcome, status), kept in the address as they change.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ReportPageView } from '../../lib/views';
import { ReportView, filtersFromQuery, filtersToQuery, type ReportFilters } from '../../components/ReportView';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { renderPage, setUpPage } from '../../components/page-setup';
import { backgroundClient, libraryPageUrl } from '../../components/extension';
import { tr } from '../../components/i18n';
import { reportName } from '../../components/format';
import '../../components/views.css';

function ReportPage() {
  const params = new URLSearchParams(location.search);
  const [view, setView] = useState<ReportPageView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filters, setFilters] = useState<ReportFilters>(filtersFromQuery(params));

  useEffect(() => {
    backgroundClient()
      .request({ type: 'view/report', reportId: params.get('id') ?? undefined, url: params.get('url') ?? undefined })
      .then((v) => {
        setView(v);
        document.title = `${reportName(v.report)} — Zhibiao`;
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  // A link to one figure (`#figure-12`) can only scroll once the list exists.
  useEffect(() => {
    if (!view || !location.hash.startsWith('#figure-')) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView({ block: 'center' });
  }, [view]);

  const onFilters = (f: ReportFilters) => {
    setFilters(f);
    const q = filtersToQuery(f, new URLSearchParams(location.search)).toString();
    history.replaceState(null, '', `${location.pathname}${q ? `?${q}` : ''}${location.hash}`);
  };

  if (error || !view) {
    return (
      <main class="report-page">
        <header class="bar">
          <h1>{tr('报告', 'Report')}</h1>
          <LanguageSwitch />
        </header>
        {error ? (
          <p class="error" role="alert">
            {tr('无法打开这份报告。', 'This report cannot be shown.')} {error}
          </p>
        ) : (
          <p role="status">{tr('正在读取…', 'Loading…')}</p>
        )}
        <nav class="links">
          <a href={libraryPageUrl()}>{tr('报告库', 'Library')}</a>
        </nav>
      </main>
    );
  }
  return <ReportView view={view} filters={filters} onFilters={onFilters} libraryUrl={libraryPageUrl()} />;
}

void setUpPage().then(() => renderPage(() => <ReportPage />, document.getElementById('app')!));
