/**
 * The background: owns the local index (IndexedDB lives in the extension's origin, so content
 * scripts reach it only through messages) and routes every message to its owner by prefix.
 */
import { ZhibiaoDB } from '../../lib/storage/db';
import { requestPersistentStorage } from '../../lib/storage/persist';
import { answerMessage } from '../../lib/messages/route';
import { classifySender } from '../../lib/messages/validate';
import { setUpNoteMenu } from './notes-menu';
import { setUpContinuation } from './continuation';

export default defineBackground(() => {
  const db = new ZhibiaoDB();
  void requestPersistentStorage();
  setUpNoteMenu();
  setUpContinuation();
  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const kind = classifySender(sender, browser.runtime.id, extensionOrigin);
    answerMessage(db, message, kind).then(sendResponse);
    // Keeps the channel open for the asynchronous answer (Chrome does not take a returned promise).
    return true;
  });
});
