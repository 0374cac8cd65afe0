/**
 * Popup entry. Normally it reads the active tab. Two query parameters override that, for opening
 * the popup as a page (end-to-end tests, or a pinned tab): `?tab=<tabId>` talks to that tab, and
 * `?report=<reportId>` shows an indexed report without asking any tab.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupView } from '../../components/PopupView';
import { restoreLangChoice } from '../../components/LanguageSwitch';
import { backgroundClient, libraryPageUrl, pageClient, reportPageUrl } from '../../components/extension';
import '../../components/views.css';

async function start() {
  restoreLangChoice();
  const params = new URLSearchParams(location.search);
  const tabParam = params.get('tab');
  let tabId: number | undefined = tabParam ? Number(tabParam) : undefined;
  if (tabId === undefined || Number.isNaN(tabId)) {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    tabId = tab?.id;
  }
  render(
    <PopupView
      background={backgroundClient()}
      page={tabId !== undefined ? pageClient(tabId) : null}
      reportId={params.get('report')}
      reportUrl={reportPageUrl}
      libraryUrl={libraryPageUrl()}
    />,
    document.getElementById('app')!,
  );
}

start();
