/**
 * A classic script the popup loads before its modules: it sends the request its first table waits
 * for at once (components/early-request.ts says why). Kept to the request alone, so it is fetched
 * and run while the page's modules are still loading.
 */
import { browser } from 'wxt/browser';
import { firstRequestOf, sendEarly } from '../../components/early-request';

export default defineUnlistedScript(() => {
  const request = firstRequestOf(location);
  if (request) sendEarly((m) => browser.runtime.sendMessage(m), request);
});
