/**
 * A client whose first request is sent at once, before the view that needs it has rendered.
 *
 * A page's first table waits for one answer (the popup's comparison, the library's reports).
 * Asked from the view, that request leaves only after the page has set itself up (the language
 * setting read from extension storage) and painted its "Loading…" (Preact runs effects after a
 * paint); asked ahead, the background works meanwhile. The view later asks the same request as
 * before and is handed the answer already on its way, once; every later request goes out as usual.
 */

/** A request: its type and its fields. */
type Request = { type: string };

/** The same type and fields with the same values (requests are flat: ids, numbers, text). */
export function sameRequest(a: Request, b: Request): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && Object.is(x[k], y[k]));
}

/** A client with a request sent ahead: `takeIfAnswered` hands over that answer if it has come already. */
export type AskedAhead<C> = C & {
  /**
   * The answer to the request sent ahead, if it has come by now, taken (the request is then sent
   * anew like any other); undefined if it has not come, failed or was taken. A page set up after
   * the answer came renders it at once, without a "Loading…" frame first.
   */
  takeIfAnswered(): unknown;
};

/** `client`, with `req` sent now; the first request equal to it gets its answer. */
export function askedAhead<const R extends Request, C extends { request(req: R): Promise<unknown> }>(client: C, req: R): AskedAhead<C> {
  let ahead: Promise<unknown> | null = client.request(req);
  let answered: { value: unknown } | null = null;
  // A failure is the view's to show when it asks; until then it is not an unhandled rejection.
  ahead.then(
    (value) => (answered = { value }),
    () => {},
  );
  const ask = (r: R): Promise<unknown> => {
    if (ahead && sameRequest(r, req)) {
      const answer = ahead;
      ahead = null;
      answered = null;
      return answer;
    }
    return client.request(r);
  };
  const takeIfAnswered = (): unknown => {
    if (!ahead || !answered) return undefined;
    const { value } = answered;
    ahead = null;
    answered = null;
    return value;
  };
  return { ...client, request: ask, takeIfAnswered } as AskedAhead<C>;
}
