/**
 * The background: owns the local index (IndexedDB lives in the extension's origin, so content
 * scripts reach it only through messages) and routes every message to its owner by prefix.
 */
import { ZhibiaoDB } from '../../lib/storage';
import { requestPersistentStorage } from '../../lib/storage';
import { answerMessage } from './route';
import { classifySender } from '../../lib/messages';
import { setUpNoteMenu } from './notes-menu';
import { answerOpenView } from './open-view';
import { showTargetBadge, targetBadgeText } from './badge';
import { setUpFigureCommands } from './commands';
import { setUpContinuation } from './continuation';
import { backgroundSpanFinder } from './span-finder';

export default defineBackground(() => {
  const db = new ZhibiaoDB();
  void requestPersistentStorage();
  setUpNoteMenu();
  setUpFigureCommands();
  setUpContinuation();
  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id === browser.runtime.id && answerOpenView(message, sendResponse)) return true;
    const kind = classifySender(sender, browser.runtime.id, extensionOrigin);
    // A content script's address is the frame's as the browser knows it, never one the page wrote into the message.
    answerMessage(db, message, kind && { kind, url: sender.url }, backgroundSpanFinder).then((answer) => {
      sendResponse(answer);
      // A report indexed from a tab: its number of targets on the toolbar button.
      const badge = answer.ok ? targetBadgeText(message, answer.value) : null;
      if (badge !== null && sender.tab?.id !== undefined) showTargetBadge(sender.tab.id, badge);
    });
    // Keeps the channel open for the asynchronous answer (Chrome does not take a returned promise).
    return true;
  });
});
