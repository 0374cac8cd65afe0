/**
 * The background's one message entry: check the sender and the message, send it to its owner by
 * prefix, wrap the answer in the envelope. Not exported from index.ts: it pulls in the storage
 * layer, which content scripts must never bundle.
 */
import type { ZhibiaoDB } from '../storage/db';
import { handleIndexRequest } from '../storage/handlers';
import { handleViewRequest } from '../views/handlers';
import { handleNoteRequest } from '../notes/handlers';
import { handleImportRequest, type ImportTextRequest } from '../import/messages';
import { toEnvelope } from './client';
import type { Envelope, IndexRequest } from './types';
import { checkMessage, type SenderKind } from './validate';

/** Who sent a message: its kind, and for a content script the address of its frame as the browser reports it. */
export interface Sender {
  kind: SenderKind;
  url?: string;
}

export async function answerMessage(db: ZhibiaoDB, message: unknown, from: Sender | SenderKind | null): Promise<Envelope<unknown>> {
  return toEnvelope(async () => {
    if (from === null) throw new Error('Messages from other extensions are not accepted');
    const sender = typeof from === 'string' ? from : from.kind;
    const req = checkMessage(message, sender);
    if (req.type.startsWith('index/')) return handleIndexRequest(db, req as unknown as IndexRequest);
    if (req.type.startsWith('import/')) return handleImportRequest(db, req as unknown as ImportTextRequest);
    const answer = req.type.startsWith('view/')
      ? handleViewRequest(db, req)
      : req.type.startsWith('notes/')
        ? handleNoteRequest(db, req, sender)
        : undefined;
    if (answer === undefined) throw new Error(`Unknown request "${req.type}"`);
    return answer;
  });
}
