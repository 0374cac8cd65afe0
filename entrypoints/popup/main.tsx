/**
 * Popup entry. Normally it reads the active tab. Two query parameters override that, for opening
 * the popup as a page (end-to-end tests, or a pinned tab): `?tab=<tabId>` talks to that tab, and
 * `?report=<reportId>` shows an indexed report without asking any tab. On a tab showing a PDF
 * (no content script runs in the PDF viewer) the popup offers "Analyse this PDF".
 */
import { browser } from 'wxt/browser';
import { PopupView } from '../../components/PopupView';
import { renderPage, setUpPage } from '../../components/page-setup';
import { backgroundClient, libraryPageUrl, notesPageUrl, pageClient, reportPageUrl } from '../../components/extension';
import { PdfAnalyse } from '../../components/PdfAnalyse';
import { pdfTabUrl } from '../../components/pdf-address';
import { analysePdfTabLazily } from '../../components/import-lazy';
import { askedAhead } from '../../components/asked-ahead';
import type { ComparisonView } from '../../lib/views';
import '../../components/views.css';

async function start() {
  const params = new URLSearchParams(location.search);
  const reportParam = params.get('report');
  // The one answer the first table waits for is asked now, while the page sets itself up.
  const ahead = reportParam ? askedAhead(backgroundClient(), { type: 'view/comparison', reportId: reportParam }) : null;
  const client = ahead ?? backgroundClient();
  const setUp = setUpPage();
  const tabParam = params.get('tab');
  let tabId: number | undefined = tabParam ? Number(tabParam) : undefined;
  // The tab's address: readable thanks to activeTab (the click that opened the popup); `?pdf=` names
  // a PDF address directly (the popup opened as a page).
  let tabUrl: string | undefined = params.get('pdf') ?? undefined;
  // An indexed report named in the address needs no tab; the active one is asked for otherwise.
  if (!reportParam && (tabId === undefined || Number.isNaN(tabId))) {
    try {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      tabId = tab?.id;
      tabUrl ??= tab?.url;
    } catch {
      // No window to ask (the popup opened as a page elsewhere): the view says the tab cannot be read.
      tabId = undefined;
    }
  }
  const pdfUrl = pdfTabUrl(tabUrl);
  const tab = tabId !== undefined && !Number.isNaN(tabId) ? pageClient(tabId) : null;
  // Likewise the tab's status, which names the report to show (the view asks it when no report is named).
  const page = tab && !reportParam ? askedAhead(tab, { type: 'page/status' }) : tab;
  await setUp;
  // Usually come by now (components/early-request.ts): then the table is the first thing drawn.
  const initial = ahead?.takeIfAnswered() as ComparisonView | undefined;
  renderPage(
    () => (
      <PopupView
        background={client}
        initial={initial}
        page={page}
        reportId={reportParam}
        reportUrl={reportPageUrl}
        libraryUrl={libraryPageUrl()}
        notesUrl={notesPageUrl()}
        tabAction={pdfUrl ? <PdfAnalyse analyse={() => analysePdfTabLazily(pdfUrl, client)} reportUrl={reportPageUrl} /> : undefined}
      />
    ),
    document.getElementById('app')!,
  );
}

start();
