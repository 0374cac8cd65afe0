/**
 * Typed clients over a `send` function (runtime.sendMessage for the background, tabs.sendMessage
 * bound to a tab for a content script), so this module needs no extension API and runs in tests.
 */
import type { BackgroundRequest, Envelope, PageRequest, PageResponseOf, ResponseOf } from './types';

/** An answer of `{ok: false}`, or no answer at all: `message` is meant for the user. */
export class MessageError extends Error {
  constructor(
    message: string,
    readonly requestType: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

export type Send = (message: unknown) => Promise<unknown>;

function isEnvelope(x: unknown): x is Envelope<unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const ok = (x as { ok?: unknown }).ok;
  if (ok === true) return 'value' in x;
  return ok === false && typeof (x as { error?: unknown }).error === 'string';
}

/** Sends `req`, unwraps the envelope; rejects with a MessageError on `{ok: false}` or a missing answer. */
export async function sendRequest<R>(send: Send, req: { type: string }, noAnswer: string): Promise<R> {
  let answer: unknown;
  try {
    answer = await send(req);
  } catch (err) {
    // The receiving end is gone (no content script in the tab, background restarting).
    throw new MessageError(`${noAnswer}: ${err instanceof Error ? err.message : String(err)}`, req.type);
  }
  if (!isEnvelope(answer)) throw new MessageError(`${noAnswer} (${req.type})`, req.type);
  if (!answer.ok) throw new MessageError(answer.error, req.type);
  return answer.value as R;
}

export interface BackgroundClient {
  request<T extends BackgroundRequest>(req: T): Promise<ResponseOf<T>>;
}

export function createBackgroundClient(send: Send): BackgroundClient {
  return {
    request: (req) => sendRequest(send, req, 'The background did not answer'),
  };
}

export interface PageClient {
  request<T extends PageRequest>(req: T): Promise<PageResponseOf<T>>;
}

/** `send` delivers to one tab's content script, e.g. `(m) => browser.tabs.sendMessage(tabId, m)`. */
export function createPageClient(send: Send): PageClient {
  return {
    request: (req) => sendRequest(send, req, 'The page did not answer (reload it if Zhibiao was just installed)'),
  };
}

/** Wraps a handler's result or failure in the envelope every answer travels in. */
export async function toEnvelope<T>(work: () => Promise<T> | T): Promise<Envelope<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    return { ok: false, error: describeError(err) };
  }
}

/** A readable message for storage and other failures; QuotaExceededError gets its own words. */
export function describeError(err: unknown): string {
  const name = (err as { name?: unknown } | null)?.name;
  const inner = (err as { inner?: { name?: unknown } } | null)?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'Storage is full: the browser refused to save more. Nothing already saved was lost; free space or delete reports from the library.';
  }
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
