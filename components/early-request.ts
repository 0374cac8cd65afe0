/**
 * A page's first request, sent before the page's modules load.
 *
 * The popup's first table waits for one answer from the background, a comparison (the slowest of
 * the view answers). Sent from the page's module, that request leaves only once every module of
 * the page has been fetched and run; a small classic script placed before the module in the
 * page's HTML (entrypoints/ask-ahead) runs as soon as it is fetched, sends the request and leaves
 * its pending answer here. The page's background client, asked the same request, takes that
 * answer instead of sending it again, once.
 */
import { sameRequest } from './asked-ahead';

/** A request: its type and its fields (flat: ids, numbers, text). */
type Request = { type: string; [field: string]: unknown };

/** Where the classic script leaves what it sent (the one global it and the page's modules share). */
const KEY = '__zhibiaoEarlyRequest';

interface Early {
  message: Request;
  answer: Promise<unknown>;
}

type Holder = { [KEY]?: Early };

/**
 * The request the popup's first table waits for, read from its address; null for any other page.
 * The library's list is not sent early: the background answers it in a few milliseconds, and the
 * classic script, which holds up the parsing of the page until it has been fetched, took longer.
 */
export function firstRequestOf(where: { pathname: string; search: string }): Request | null {
  if (where.pathname.endsWith('/popup.html')) {
    // The popup names its report only when opened as a page (popup/main.tsx); from the toolbar it
    // asks the tab first, which this script leaves to the popup.
    const reportId = new URLSearchParams(where.search).get('report');
    return reportId ? { type: 'view/comparison', reportId } : null;
  }
  return null;
}

/** Sends `message` now and keeps its pending answer for `takeEarly`. */
export function sendEarly(send: (message: unknown) => Promise<unknown>, message: Request, holder: object = globalThis): void {
  let answer: Promise<unknown>;
  try {
    answer = send(message);
  } catch (err) {
    answer = Promise.reject(err);
  }
  // A failure is the page's to show when it asks; until then it is not an unhandled rejection.
  answer.catch(() => {});
  (holder as Holder)[KEY] = { message, answer };
}

/** The answer the early script is waiting for, if it sent `message`; handed out once. */
export function takeEarly(message: unknown, holder: object = globalThis): Promise<unknown> | null {
  const early = (holder as Holder)[KEY];
  if (!early || typeof message !== 'object' || message === null || !sameRequest(early.message, message as Request)) return null;
  delete (holder as Holder)[KEY];
  return early.answer;
}
