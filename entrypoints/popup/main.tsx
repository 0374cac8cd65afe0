/**
 * Popup entry. Normally it reads the active tab. Two query parameters override that, for opening
 * the popup as a page (end-to-end tests, or a pinned tab): `?tab=<tabId>` talks to that tab, and
 * `?report=<reportId>` shows an indexed report without asking any tab.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupView } from '../../components/PopupView';
import { setUpPage } from '../../components/page-setup';
import { backgroundClient, libraryPageUrl, notesPageUrl, pageClient, reportPageUrl } from '../../components/extension';
import '../../components/views.css';

async function start() {
  await setUpPage();
  const params = new URLSearchParams(location.search);
  const tabParam = params.get('tab');
  const reportParam = params.get('report');
  let tabId: number | undefined = tabParam ? Number(tabParam) : undefined;
  // An indexed report named in the address needs no tab; the active one is asked for otherwise.
  if (!reportParam && (tabId === undefined || Number.isNaN(tabId))) {
    try {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      tabId = tab?.id;
    } catch {
      // No window to ask (the popup opened as a page elsewhere): the view says the tab cannot be read.
      tabId = undefined;
    }
  }
  render(
    <PopupView
      background={backgroundClient()}
      page={tabId !== undefined && !Number.isNaN(tabId) ? pageClient(tabId) : null}
      reportId={reportParam}
      reportUrl={reportPageUrl}
      libraryUrl={libraryPageUrl()}
      notesUrl={notesPageUrl()}
    />,
    document.getElementById('app')!,
  );
}

start();
