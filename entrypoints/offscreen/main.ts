/**
 * Chromium's offscreen document (created by the background on first need, entrypoints/background/
 * span-finder.ts): the DOM the service worker lacks. It answers one message, the background's
 * OFFSCREEN_SPAN: where the report lies in a page's text, from the page's HTML (Readability on an
 * inert parsed copy, lib/page/parsed-span.ts). Every other message (content scripts' messages to the
 * background reach every extension page too) is left to the background.
 */
import { isOffscreenSpanRequest, mainSpanOfHtml } from '../../lib/page';

browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only the extension's own background (no tab, no page): never a content script's message.
  if (sender.id !== browser.runtime.id || sender.tab || !isOffscreenSpanRequest(message)) return undefined;
  try {
    sendResponse(mainSpanOfHtml(message.html, message.text));
  } catch {
    sendResponse({ start: 0, end: message.text.length });
  }
  return undefined;
});
