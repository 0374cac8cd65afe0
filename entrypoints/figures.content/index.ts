/**
 * Content script on every http(s) page and frame: the cheap report check, then (on reports) the
 * figures painted, indexed and explained. Answers the toolbar's page/* requests.
 *
 * Which frame answers page/* requests: tabs.sendMessage reaches every frame and the first answer
 * wins. A frame holding a report (or figures painted on request) answers at once; the top frame,
 * when it holds none, answers after a short grace period, so a report inside a frame is what the
 * toolbar sees; other frames stay silent. `page/analyse` in the top frame always analyses it.
 */
import { browser } from 'wxt/browser';
import { installName, installSuffix, randomSuffix } from '../../lib/highlights/install-names';
import { createBackgroundClient } from '../../lib/messages/client';
import { InPageFigures } from './figures';
import { answerPageRequest } from './answer';
import { followLanguage } from '../../components/language';
import { followShortcuts } from '../../components/shortcuts';
import { FIGURE_COMMAND_MESSAGE, type FigureCommand } from '../../lib/page/keys';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    const background = createBackgroundClient((m) => browser.runtime.sendMessage(m));
    // Styles reach the page only when there is something to paint (page-style.ts), under this installation's names.
    const suffix = await installSuffix(browser.storage.local).catch(() => randomSuffix());
    const look = { name: (n: string) => installName(n, suffix) };
    const figures = new InPageFigures(document, background, look);
    const isTop = window.top === window;

    const listener = (message: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void): boolean => {
      if (sender.id !== browser.runtime.id) return false;
      const m = message as { type?: unknown; action?: unknown } | null;
      if (m?.type === FIGURE_COMMAND_MESSAGE) {
        if (m.action === 'next' || m.action === 'previous' || m.action === 'toggle') figures.command(m.action as FigureCommand);
        return false;
      }
      return answerPageRequest(message, { figures, isTop, sendResponse, setTimeout: (cb, ms) => ctx.setTimeout(cb, ms) });
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(listener);
      figures.stop();
    });

    // The card and legend follow the reader's language setting (they re-render when it changes).
    void followLanguage().then((stop) => ctx.onInvalidated(stop));
    ctx.onInvalidated(followShortcuts((s) => figures.setShortcuts(s)));
    void figures.start();
  },
});
