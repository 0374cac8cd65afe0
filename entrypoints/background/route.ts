/**
 * The background's one message entry: check the sender and the message, send it to its owner by
 * prefix, wrap the answer in the envelope. It lives with the background, the one place that
 * answers messages: lib/messages stays the message types and their checks, which content scripts
 * import without pulling in the storage layer and every handler.
 */
import type { SpanFinder, ZhibiaoDB } from '../../lib/storage';
import { handleIndexRequest } from '../../lib/storage';
import { handleViewRequest } from '../../lib/views';
import { handleNoteRequest } from '../../lib/notes-handler';
import { handleImportRequest, type ImportTextRequest } from '../../lib/import/messages';
import { toEnvelope, type Envelope, type IndexRequest } from '../../lib/messages';
import { checkMessage, validateUrl, type SenderKind } from '../../lib/messages';
import { pageUrl } from '../../lib/address';

/** Who sent a message: its kind, and for a content script the address of its frame as the browser reports it. */
export interface Sender {
  kind: SenderKind;
  url?: string;
}

/**
 * A content script's index request speaks for its own frame: the address is the one the browser
 * reports for the sender (`sender.url`), whatever the message says (a text sent for analysis is
 * indexed under it), and a history is answered only for a report seen at that address.
 */
async function confineIndexRequest(db: ZhibiaoDB, req: IndexRequest, page: string | undefined): Promise<IndexRequest> {
  if (page === undefined) throw new Error('A page’s request without the page’s address is not answered');
  const url = validateUrl(page, 'sender.url');
  switch (req.type) {
    case 'index/analyse':
    case 'index/reportForUrl':
      return { ...req, url };
    case 'index/history': {
      const report = await db.reports.get(req.reportId);
      if (!report?.urls.includes(pageUrl(url))) throw new Error('"index/history" may only concern the report of the page that sends it');
      return req;
    }
  }
}

/** `findSpan`: where a page's report lies in the text it sends (the background's Readability, off the page). */
export async function answerMessage(db: ZhibiaoDB, message: unknown, from: Sender | SenderKind | null, findSpan?: SpanFinder): Promise<Envelope<unknown>> {
  return toEnvelope(async () => {
    if (from === null) throw new Error('Messages from other extensions are not accepted');
    const sender = typeof from === 'string' ? from : from.kind;
    const page = typeof from === 'string' ? undefined : from.url;
    const req = checkMessage(message, sender);
    if (req.type.startsWith('index/')) {
      const indexRequest = req as unknown as IndexRequest;
      return handleIndexRequest(db, sender === 'content' ? await confineIndexRequest(db, indexRequest, page) : indexRequest, findSpan);
    }
    if (req.type.startsWith('import/')) return handleImportRequest(db, req as unknown as ImportTextRequest);
    const answer = req.type.startsWith('view/')
      ? handleViewRequest(db, req)
      : req.type.startsWith('notes/')
        ? handleNoteRequest(db, req, sender, page)
        : undefined;
    if (answer === undefined) throw new Error(`Unknown request "${req.type}"`);
    return answer;
  });
}
