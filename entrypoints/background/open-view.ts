/**
 * Opens extension pages for content scripts, which cannot navigate to them (see lib/views/open.ts).
 * Returns true when it took the message (and will answer it).
 */
import { isOpenRegions, regionsAddress } from '../../lib/views';

export function answerOpenView(message: unknown, sendResponse: (answer: unknown) => void): boolean {
  if (!isOpenRegions(message)) return false;
  const target = regionsAddress(message, (path) => browser.runtime.getURL(path as '/regions.html'));
  if ('error' in target) {
    sendResponse({ ok: false, error: target.error });
    return true;
  }
  browser.tabs
    .create({ url: target.url })
    .then(() => sendResponse({ ok: true, value: { opened: true } }))
    .catch((e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) }));
  return true;
}
