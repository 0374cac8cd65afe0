/**
 * The content script's side of lib/page/continuation: one short-lived port to the background per
 * question, so the answer comes from the background's session storage for this tab.
 */
import { browser } from 'wxt/browser';
import { CONTINUATION_PORT, type ContinuationMessage, type ContinuationStore } from '../../lib/page/continuation';

/** How long a page waits for the background before it analyses on its own evidence. */
const ANSWER_MS = 1500;

function ask(message: ContinuationMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: CONTINUATION_PORT });
    const timer = setTimeout(() => {
      reject(new Error('the background did not answer'));
      port.disconnect();
    }, ANSWER_MS);
    port.onMessage.addListener((answer: unknown) => {
      clearTimeout(timer);
      resolve(answer);
      port.disconnect();
    });
    port.onDisconnect.addListener(() => {
      clearTimeout(timer);
      reject(new Error('the background closed the port'));
    });
    port.postMessage(message);
  });
}

export const continuationStore: ContinuationStore = {
  recall: () => ask({ type: 'recall' }),
  remember: async (identity) => {
    await ask({ type: 'remember', identity });
  },
};
