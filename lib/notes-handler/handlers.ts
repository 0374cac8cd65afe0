/**
 * `notes/*` requests, answered in the background (or directly by an extension page). Every
 * request is validated here, whoever sent it: content scripts relay what pages could forge.
 * Apart from lib/notes because it also answers with backups and exports, which build on notes.
 */
import type { ZhibiaoDB } from '../storage';
import { backupFilename, createBackup, restoreBackup } from '../backup';
import { exportNotes } from '../export';
import { createNote, deleteNote, notesForUrl, recordAnchoring, restoreNote, updateNote } from '../notes';
import { validateNoteRequest, type ExportedFile, type NoteRequest } from '../notes';
import { listNotes } from '../notes';
import { pageUrl } from '../address';

export async function answerNoteRequest(db: ZhibiaoDB, req: NoteRequest): Promise<unknown> {
  switch (req.type) {
    case 'notes/create':
      return createNote(db, req.note);
    case 'notes/update':
      return updateNote(db, req.id, req.patch);
    case 'notes/delete':
      return deleteNote(db, req.id);
    case 'notes/undoDelete':
      return restoreNote(db, req.token);
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
  'notes/create',
  'notes/update',
  'notes/delete',
  'notes/undoDelete',
  'notes/forUrl',
  'notes/anchored',
] as const);

/**
 * A content script speaks for one page: the address the browser gives for its frame (`page`,
 * never an address the message names). It may read and change that page's notes only: a page
 * that steered its content script, or rewrote its own address, reaches no other page's notes.
 */
async function confineToPage(db: ZhibiaoDB, req: NoteRequest, page: string): Promise<NoteRequest> {
  const foreign = () => new Error(`"${req.type}" may only concern the notes of the page that sends it`);
  switch (req.type) {
    case 'notes/create':
      if (pageUrl(req.note.url) !== page) throw foreign();
      return req;
    case 'notes/forUrl':
      if (pageUrl(req.url) !== page) throw foreign();
      return req;
    case 'notes/update':
    case 'notes/delete': {
      const row = await db.notes.get(req.id);
      if (row && row.url !== page) throw foreign();
      return req;
    }
    case 'notes/anchored': {
      const own = async (ids: string[]) => (await db.notes.bulkGet(ids)).filter((r) => r?.url === page).map((r) => r!.id);
      return { ...req, attached: await own(req.attached), detached: await own(req.detached) };
    }
    default:
      return req;
  }
}

/**
 * A Promise for `notes/*` requests (rejecting with a readable message on bad input), undefined
 * otherwise. `sender` is who sent it; requests from content scripts are limited (see above) to the
 * notes of `page`, the sender's address as the browser reports it.
 */
export function handleNoteRequest(
  db: ZhibiaoDB,
  request: { type: string },
  sender: 'content' | 'extension' = 'extension',
  page?: string,
): Promise<unknown> | undefined {
  if (typeof request?.type !== 'string' || !request.type.startsWith('notes/')) return undefined;
  return (async () => {
    let req = validateNoteRequest(request);
    if (sender === 'content') {
      if (!CONTENT_SCRIPT_NOTE_REQUESTS.has(req.type)) throw new Error(`"${req.type}" may only be sent from Zhibiao's own pages`);
      if (page === undefined) throw new Error('A page’s request without the page’s address is not answered');
      req = await confineToPage(db, req, pageUrl(page));
    }
    return answerNoteRequest(db, req);
  })();
}
