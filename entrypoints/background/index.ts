/**
 * The background: owns the local index (IndexedDB lives in the extension's origin, so content
 * scripts reach it only through messages) and routes every message to its owner by prefix.
 */
import { ZhibiaoDB } from '../../lib/storage/db';
import { requestPersistentStorage } from '../../lib/storage/persist';
import { answerMessage } from '../../lib/messages/route';
import { classifySender } from '../../lib/messages/validate';
import { setUpNoteMenu } from './notes-menu';
import { answerOpenView } from './open-view';

export default defineBackground(() => {
  const db = new ZhibiaoDB();
  void requestPersistentStorage();
  setUpNoteMenu();
  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id === browser.runtime.id && answerOpenView(message, sendResponse)) return true;
    const kind = classifySender(sender, browser.runtime.id, extensionOrigin);
    answerMessage(db, message, kind).then(sendResponse);
    // Keeps the channel open for the asynchronous answer (Chrome does not take a returned promise).
    return true;
  });
});
