/**
 * Per-tab memory of the last report read (lib/page/continuation), in session storage: it survives
 * the service worker's restarts and is gone when the browser closes. Content scripts reach it
 * through a port named CONTINUATION_PORT; the tab is the port's sender, never the message's word.
 */
import { browser } from 'wxt/browser';
import { CONTINUATION_PORT, answerContinuation, type SessionArea } from '../../lib/page';

export function setUpContinuation(): void {
  const session = browser.storage?.session;
  if (!session) return;
  const area: SessionArea = { get: (key) => session.get(key), set: (items) => session.set(items) };
  browser.runtime.onConnect.addListener((port) => {
    const tabId = port.sender?.tab?.id;
    if (port.name !== CONTINUATION_PORT || port.sender?.id !== browser.runtime.id || tabId === undefined) return;
    port.onMessage.addListener((message: unknown) => {
      answerContinuation(message, tabId, area)
        .catch(() => null)
        .then((answer) => port.postMessage(answer))
        .catch(() => undefined);
    });
  });
  browser.tabs?.onRemoved.addListener((tabId) => void session.remove(`continuation:${tabId}`).catch(() => undefined));
}
