/**
 * The background's one message entry: check the sender and the message, send it to its owner by
 * prefix, wrap the answer in the envelope. It lives with the background, the one place that
 * answers messages: lib/messages stays the message types and their checks, which content scripts
 * import without pulling in the storage layer and every handler.
 */
import type { ZhibiaoDB } from '../../lib/storage/db';
import { handleIndexRequest } from '../../lib/storage/handlers';
import { handleViewRequest } from '../../lib/views/handlers';
import { handleNoteRequest } from '../../lib/notes-handler';
import { toEnvelope, type Envelope, type IndexRequest } from '../../lib/messages';
import { checkMessage, type SenderKind } from '../../lib/messages/validate';

export async function answerMessage(db: ZhibiaoDB, message: unknown, sender: SenderKind | null): Promise<Envelope<unknown>> {
  return toEnvelope(async () => {
    if (sender === null) throw new Error('Messages from other extensions are not accepted');
    const req = checkMessage(message, sender);
    if (req.type.startsWith('index/')) return handleIndexRequest(db, req as unknown as IndexRequest);
    const answer = req.type.startsWith('view/')
      ? handleViewRequest(db, req)
      : req.type.startsWith('notes/')
        ? handleNoteRequest(db, req, sender)
        : undefined;
    if (answer === undefined) throw new Error(`Unknown request "${req.type}"`);
    return answer;
  });
}
