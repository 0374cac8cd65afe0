/**
 * Notices when a page's text arrives late or changes (paginated reports that load the next page,
 * single-page apps that render after load) and asks for one re-run after the changes settle.
 *
 * Trade-offs behind the timings:
 * - `quietMs` (default 600 ms): a page that streams content in mutates in bursts; waiting for a
 *   short quiet spell turns a burst into one run.
 * - `maxWaitMs` (default 3 s): a page that never stops mutating (a clock, a ticker) still gets a
 *   run within a few seconds of new text arriving.
 * - After each run, the next one waits at least `runCostFactor` (default 5) times as long as the
 *   run took, so re-analysis never takes more than about a sixth of the main thread, even on a
 *   page that mutates forever.
 * Mutations inside our own layer (the card's shadow host) are ignored, and attributes are not
 * watched: only text and elements coming and going can change what a report says.
 */

export interface TextWatchOptions {
  quietMs?: number;
  maxWaitMs?: number;
  runCostFactor?: number;
  /** Nodes whose mutations do not count (our own layer). */
  ignore?: (node: Node) => boolean;
  /** Clock, for tests. */
  now?: () => number;
}

export interface TextWatch {
  stop(): void;
  /** Whether a run is waiting to happen. */
  readonly pending: boolean;
}

function relevant(records: MutationRecord[], ignore: ((node: Node) => boolean) | undefined): boolean {
  for (const r of records) {
    if (ignore?.(r.target)) continue;
    if (r.type === 'characterData') return true;
    const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
    if (nodes.some((n) => !ignore?.(n) && (n.nodeType === 3 || (n.nodeType === 1 && (n.textContent ?? '') !== '')))) return true;
  }
  return false;
}

export function watchTextChanges(root: Node, onChange: () => Promise<unknown> | unknown, options: TextWatchOptions = {}): TextWatch {
  const quietMs = options.quietMs ?? 600;
  const maxWaitMs = options.maxWaitMs ?? 3000;
  const factor = options.runCostFactor ?? 5;
  const now = options.now ?? (() => Date.now());
  const win = (root.ownerDocument ?? (root as Document)).defaultView;
  const Observer = win?.MutationObserver ?? globalThis.MutationObserver;
  const setTimer = (cb: () => void, ms: number) => (win ?? globalThis).setTimeout(cb, ms);
  const clearTimer = (id: number) => (win ?? globalThis).clearTimeout(id);

  let timer: number | null = null;
  let firstPending = 0;
  let running = false;
  let again = false;
  let earliestNext = 0;
  let stopped = false;

  const fire = async () => {
    timer = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    const started = now();
    try {
      await onChange();
    } catch {
      // The caller reports its own failures; a failed run must not stop the watch.
    } finally {
      running = false;
      earliestNext = now() + (now() - started) * factor;
      if (again) {
        again = false;
        schedule();
      }
    }
  };

  const schedule = () => {
    if (stopped) return;
    const t = now();
    if (timer === null) firstPending = t;
    else clearTimer(timer);
    const due = Math.max(Math.min(t + quietMs, firstPending + maxWaitMs), earliestNext);
    timer = setTimer(() => void fire(), Math.max(0, due - t)) as unknown as number;
  };

  const observer = new Observer((records) => {
    if (relevant(records, options.ignore)) schedule();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });

  return {
    stop() {
      stopped = true;
      observer.disconnect();
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
    get pending() {
      return timer !== null || again;
    },
  };
}
