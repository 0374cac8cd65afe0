/**
 * Where a page's report lies in the text it sent: Readability on a parsed copy of its HTML
 * (lib/page/parsed-span.ts), which needs a DOM. Firefox (MV2) runs the background as a page: it
 * parses in place. Chromium's MV3 background is a service worker without DOMParser: it asks an
 * offscreen document (entrypoints/offscreen), created on first need and kept for the next pages.
 *
 * An extension has at most one offscreen document: concurrent pages share one creation, and a
 * creation that fails because the document already exists (a service worker restarted while it
 * lived) is taken as done.
 */
import type { SpanFinder } from '../../lib/storage';
import { OFFSCREEN_SPAN, mainSpanOfHtml, type OffscreenSpanRequest, type TextSpan } from '../../lib/page';

const OFFSCREEN_PATH = '/offscreen.html';

let creating: Promise<void> | null = null;

async function hasOffscreenDocument(url: string): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({ contextTypes: [browser.runtime.ContextType.OFFSCREEN_DOCUMENT], documentUrls: [url] });
  return contexts.length > 0;
}

async function createOffscreenDocument(url: string): Promise<void> {
  try {
    await browser.offscreen.createDocument({
      url,
      reasons: [browser.offscreen.Reason.DOM_PARSER],
      justification: 'Finds the report in a page’s HTML with Readability, away from the page’s thread.',
    });
  } catch (err) {
    if (!(await hasOffscreenDocument(url))) throw err;
  }
}

async function ensureOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  if (await hasOffscreenDocument(url)) return;
  creating ??= createOffscreenDocument(url).finally(() => {
    creating = null;
  });
  await creating;
}

async function spanOffscreen(html: string, text: string): Promise<TextSpan> {
  await ensureOffscreenDocument();
  const request: OffscreenSpanRequest = { type: OFFSCREEN_SPAN, html, text };
  return (await browser.runtime.sendMessage(request)) as TextSpan;
}

/** The background's span finder (analysePage checks what it answers). */
export function backgroundSpanFinder(): SpanFinder {
  // MV2 is Firefox's background page, which has a DOM; the branch drops out of Chromium's bundle.
  if (import.meta.env.MANIFEST_VERSION === 2) return async (html, text) => mainSpanOfHtml(html, text);
  return spanOffscreen;
}
