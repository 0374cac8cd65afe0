/**
 * Answers page/* requests from the toolbar and the extension's pages (see index.ts for which
 * frame answers). Requests are checked like any other message: a known type, an integer index.
 */
import { toEnvelope } from '../../lib/messages';
import type { PageRequest } from '../../lib/messages';
import type { InPageFigures } from './figures';

/** How long the top frame waits for a frame holding a report to answer first. */
const TOP_FRAME_GRACE_MS = 150;

export interface AnswerContext {
  figures: InPageFigures;
  isTop: boolean;
  sendResponse(answer: unknown): void;
  setTimeout(cb: () => void, ms: number): unknown;
}

function parse(message: unknown): PageRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'page/status':
    case 'page/analyse':
      return { type: m.type };
    case 'page/showFigure':
      return typeof m.index === 'number' && Number.isInteger(m.index) && m.index >= 0 ? { type: 'page/showFigure', index: m.index } : null;
    default:
      return null;
  }
}

/** Returns true when an answer will be sent (keeps the message channel open). */
export function answerPageRequest(message: unknown, ctx: AnswerContext): boolean {
  const req = parse(message);
  if (!req) {
    if (ctx.isTop && typeof (message as { type?: unknown } | null)?.type === 'string' && String((message as { type: string }).type).startsWith('page/')) {
      ctx.sendResponse({ ok: false, error: 'Invalid page request' });
      return true;
    }
    return false;
  }
  const { figures } = ctx;
  const work = (): Promise<unknown> => {
    switch (req.type) {
      case 'page/status':
        return Promise.resolve(figures.page.status());
      case 'page/analyse':
        return figures.run(true);
      case 'page/showFigure':
        return Promise.resolve(figures.showFigure(req.index));
    }
  };
  const answer = () => void toEnvelope(work).then(ctx.sendResponse);
  // A frame whose text is with the background says so at once: the toolbar then waits for it.
  if (figures.hasFigures || (req.type === 'page/status' && figures.page.status().analysing)) {
    answer();
    return true;
  }
  if (!ctx.isTop) return false;
  ctx.setTimeout(answer, TOP_FRAME_GRACE_MS);
  return true;
}
