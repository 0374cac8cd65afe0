/**
 * The content script's side of lib/page/continuation: one short-lived port to the background per
 * question, so the answer comes from the background's session storage for this tab.
 */
import { browser } from 'wxt/browser';
import { CONTINUATION_PORT, type ContinuationMessage, type ContinuationStore } from '../../lib/page/continuation';

function ask(message: ContinuationMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: CONTINUATION_PORT });
    port.onMessage.addListener((answer: unknown) => {
      resolve(answer);
      port.disconnect();
    });
    port.onDisconnect.addListener(() => reject(new Error('the background closed the port')));
    port.postMessage(message);
  });
}

export const continuationStore: ContinuationStore = {
  recall: () => ask({ type: 'recall' }),
  remember: async (identity) => {
    await ask({ type: 'remember', identity });
  },
};
