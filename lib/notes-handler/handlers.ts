/**
 * `notes/*` requests, answered in the background (or directly by an extension page). Every
 * request is validated here, whoever sent it: content scripts relay what pages could forge.
 * Apart from lib/notes because it also answers with backups and exports, which build on notes.
 */
import type { ZhibiaoDB } from '../storage/db';
import { backupFilename, createBackup, restoreBackup } from '../backup';
import { exportNotes } from '../export/notes';
import { createNote, deleteNote, listNotes, notesForUrl, recordAnchoring, restoreNote, updateNote, validateNoteRequest } from '../notes';
import type { ExportedFile, NoteRequest } from '../notes';

export async function answerNoteRequest(db: ZhibiaoDB, req: NoteRequest): Promise<unknown> {
  switch (req.type) {
    case 'notes/create':
      return createNote(db, req.note);
    case 'notes/update':
      return updateNote(db, req.id, req.patch);
    case 'notes/delete':
      return deleteNote(db, req.id);
    case 'notes/undoDelete':
      return restoreNote(db, req.note);
    case 'notes/forUrl':
      return notesForUrl(db, req.url);
    case 'notes/anchored':
      return recordAnchoring(db, req.attached, req.detached);
    case 'notes/list':
      return listNotes(db, req.filter ?? {}, req.query ?? '');
    case 'notes/export': {
      const { notes } = await listNotes(db, req.filter ?? {}, req.query ?? '');
      return exportNotes(notes, req.format);
    }
    case 'notes/backup': {
      const backup = await createBackup(db);
      const file: ExportedFile = {
        filename: backupFilename(),
        mimeType: 'application/json;charset=utf-8',
        content: JSON.stringify(backup),
        count: backup.tables.notes.length,
      };
      return file;
    }
    case 'notes/restore':
      return restoreBackup(db, req.content);
  }
}

/**
 * What a content script may ask: the notes of its own page and changes to them. Listing,
 * exporting, backing up and restoring the whole library are for extension pages only, so a page
 * that somehow steered its content script still could not read or replace the reader's library.
 */
export const CONTENT_SCRIPT_NOTE_REQUESTS: ReadonlySet<NoteRequest['type']> = new Set([
  'notes/create', 'notes/update', 'notes/delete', 'notes/undoDelete', 'notes/forUrl', 'notes/anchored',
] as const);

/**
 * A Promise for `notes/*` requests (rejecting with a readable message on bad input), undefined
 * otherwise. `sender` is who sent it; requests from content scripts are limited (see above).
 */
export function handleNoteRequest(db: ZhibiaoDB, request: { type: string }, sender: 'content' | 'extension' = 'extension'): Promise<unknown> | undefined {
  if (typeof request?.type !== 'string' || !request.type.startsWith('notes/')) return undefined;
  return (async () => {
    const req = validateNoteRequest(request);
    if (sender === 'content' && !CONTENT_SCRIPT_NOTE_REQUESTS.has(req.type)) {
      throw new Error(`"${req.type}" may only be sent from Zhibiao's own pages`);
    }
    return answerNoteRequest(db, req);
  })();
}
