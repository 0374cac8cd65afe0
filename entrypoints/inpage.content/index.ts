/**
 * The one content script, on every http(s) page and frame. It only loads the in-page module
 * (start.ts: figures and notes, one painter, one layer) and starts it: a module is parsed off the
 * page's main thread, a content script on it. The module and the views it loads later are
 * web-accessible resources, in Chrome only at the extension's per-session address, so a page
 * cannot probe for them (scripts/build-inpage.ts builds them and lists them).
 *
 * Which frame answers page/* requests: tabs.sendMessage reaches every frame and the first answer
 * wins. A frame holding a report (or figures painted on request) answers at once; the top frame,
 * when it holds none, answers after a short grace period, so a report inside a frame is what the
 * toolbar sees; other frames stay silent (answer.ts). A note request goes to the frame the reader
 * is in (start.ts, wantsNoteRequest).
 */

import { importExtensionModule } from './extension-module';

/** The in-page module, as scripts/build-inpage.ts writes it. */
const START_FILE = '/content-scripts/inpage/start.js';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    let module: typeof import('./start');
    try {
      module = await importExtensionModule<typeof import('./start')>(START_FILE);
    } catch (error) {
      console.warn('Zhibiao: the in-page module could not be loaded:', error);
      return;
    }
    if (ctx.isInvalid) return;
    await module.start(ctx);
  },
});
