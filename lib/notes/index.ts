/** Notes: the store, search and views (lib/notes-handler answers the `notes/*` requests). */
export { createNote, updateNote, deleteNote, restoreNote, notesForUrl, recordAnchoring, cleanTags } from './repository';
export { searchNotes, fold } from './search';
export { listNotes, loadViews, matchesFilter, facetsOf, noteYear } from './views';
export { validateNoteRequest } from './requests';
export { linkToQuote, linkToNote, noteIdInAddress, textFragment } from './fragment';
export type { NoteInput, NotePatch, NoteFilter, NoteView, NoteList, Facets, ExportFormat, ExportedFile, RestoreResult, NoteRequest } from './requests';
