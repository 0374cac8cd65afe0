/**
 * A classic script the popup and library pages load before their modules: it sends the request
 * their first table waits for at once (components/early-request.ts says why). Kept to the request
 * alone, so it is fetched and run in the time the page's modules are still loading.
 */
import { browser } from 'wxt/browser';
import { firstRequestOf, sendEarly } from '../../components/early-request';

export default defineUnlistedScript(() => {
  const request = firstRequestOf(location);
  if (request) sendEarly((m) => browser.runtime.sendMessage(m), request);
});
