/**
 * Across-regions page entry: `regions.html?figure=<figureId>` (from a figure's card or a
 * comparison row), or `?key=<indicator key>&year=<year>` / `?indicator=<catalogue id>&year=…`
 * (from the library's chooser). The choice is kept in the address, so the view can be bookmarked.
 */
import { useEffect, useState } from 'preact/hooks';
import type { RegionsRequest, RegionsView as View } from '../../lib/views';
import { RegionsView } from '../../components/RegionsView';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { renderPage, setUpPage } from '../../components/page-setup';
import { backgroundClient, libraryPageUrl, reportPageUrl } from '../../components/extension';
import { tr } from '../../components/i18n';
import '../../components/views.css';

function requestOf(params: URLSearchParams): RegionsRequest {
  const year = Number(params.get('year'));
  return {
    type: 'view/regions',
    figureId: params.get('figure') ?? undefined,
    indicator: params.get('indicator') ?? undefined,
    key: params.get('key') ?? undefined,
    year: Number.isInteger(year) && year > 0 ? year : undefined,
  };
}

function RegionsPage() {
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = (req: RegionsRequest) =>
    backgroundClient()
      .request(req)
      .then((v) => {
        setView(v);
        setError(null);
        document.title = `${v.metric ?? tr('各地区', 'Across regions')} ${v.year ?? ''} — Zhibiao`;
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  useEffect(() => {
    void load(requestOf(new URLSearchParams(location.search)));
  }, []);

  if (error || !view) {
    return (
      <main class="regions-page">
        <header class="bar">
          <h1>{tr('各地区对比', 'Across regions')}</h1>
          <LanguageSwitch />
        </header>
        {error ? (
          <p class="error" role="alert">
            {error}
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
  return (
    <RegionsView
      view={view}
      reportUrl={reportPageUrl}
      libraryUrl={libraryPageUrl()}
      onChoose={({ key, year }) => {
        const q = new URLSearchParams({ key, year: String(year) });
        history.replaceState(null, '', `${location.pathname}?${q}`);
        void load({ type: 'view/regions', key, year });
      }}
    />
  );
}

void setUpPage().then(() => renderPage(() => <RegionsPage />, document.getElementById('app')!));
