/** The `notes/*` request handler: notes, backup and export behind one validated entry. */
export { handleNoteRequest, answerNoteRequest, CONTENT_SCRIPT_NOTE_REQUESTS } from './handlers';
