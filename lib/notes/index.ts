/** Notes: the store, search and views (lib/notes-handler answers the `notes/*` requests). */
export { createNote, updateNote, deleteNote, restoreNote, notesForUrl, recordAnchoring } from './repository';
export { fold } from './search';
export { listNotes, noteYear } from './views';
export { validateNoteRequest } from './requests';
export { linkToQuote, linkToNote, noteIdInAddress } from './fragment';
export type { NotePatch, NoteFilter, NoteView, NoteList, ExportFormat, ExportedFile, RestoreResult, NoteRequest } from './requests';
export type { DeletedNote } from './requests';
export { ANNOTATE_MESSAGE } from './annotate';
export { anchorNotes, describeSelection, noteAtPoint } from './page-notes';
export type { AttachedNote } from './page-notes';
export { figureId } from './figure-note';
